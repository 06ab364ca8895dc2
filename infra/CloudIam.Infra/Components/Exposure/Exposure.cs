using System.Collections.Immutable;
using CloudIam.Infra.Capabilities;
using CloudIam.Infra.Components.Isolation;
using CloudIam.Infra.Platform;
using CloudIam.Infra.Stacks;
using CloudIam.Pulumi.Resources.Kubernetes;
using CloudIam.Pulumi.Yaml;

namespace CloudIam.Infra.Components.Exposure;

public sealed record ExposureArgs
{
    public required KubernetesSite Site { get; init; }

    public required PublicEntry Entry { get; init; }

    public required ExposureConfig Config { get; init; }

    public required string GitlabUrl { get; init; }

    public required ImmutableArray<PublishedService> Services { get; init; }

    /// <summary>The status page's service when this site serves the public status host.</summary>
    public PublishedService? PublicStatus { get; init; }

    public required ConfigKey OauthClientSecret { get; init; }

    public required ConfigKey OauthCookieSecret { get; init; }

    public required ConfigKey AcmeRoute53SecretKey { get; init; }
}

/// <summary>
/// Makes a site's tooling reachable: Traefik behind the program-owned load-balancer addresses, cert-manager with two
/// Let's Encrypt issuers, oauth2-proxy (GitLab sign-in) as a Traefik forward-auth middleware, and one TLS Ingress per
/// published host. Every host redirects HTTP to HTTPS; only the ACME HTTP-01 challenge is answered in clear.
/// </summary>
public sealed class Exposure
{
    /// <summary>Site hosts resolve to this site only, so Let's Encrypt's HTTP request reaches the cluster that asked.</summary>
    public const string Http01Issuer = "letsencrypt-http01";

    /// <summary>
    /// The public status host resolves to whichever site is healthy, so an HTTP-01 challenge could land on the other
    /// site: it is proven by DNS-01 instead, through a CNAME into a Route 53-only zone (both copies of the status
    /// host's zone carry the same CNAME, so it does not matter which DNS provider Let's Encrypt asks).
    /// </summary>
    public const string Dns01Issuer = "letsencrypt-dns01";

    public const string IngressClass = "traefik";
    public const string AuthHost = "auth";

    public const string IngressNamespace = "ingress";

    /// <summary>Traefik's entry point ports in the pod (chart <c>ports.web.port</c>, <c>ports.websecure.port</c>).</summary>
    private const int TraefikWebPort = 8000;
    private const int TraefikWebsecurePort = 8443;

    /// <summary>oauth2-proxy's own port behind its Service's 80 (chart <c>containerPort</c>).</summary>
    private const int OAuth2ProxyPort = 4180;

    /// <summary>cert-manager's HTTP-01 solver pods listen here; Traefik sends the challenge requests to them.</summary>
    private const int AcmeSolverPort = 8089;

    /// <summary>cert-manager's webhook (chart <c>webhook.securePort</c>).</summary>
    private const int CertManagerWebhookPort = 10250;

    private const string LetsEncrypt = "https://acme-v02.api.letsencrypt.org/directory";
    private const string AuthMiddleware = "oauth2-proxy";

    public Exposure(ProgramBuilder program, ExposureArgs args)
    {
        var (site, config) = (args.Site, args.Config);
        var certNs = Tooling.Namespace(program, site, "certificates", CertificatesIsolation);
        var authNs = Tooling.Namespace(program, site, "auth", AuthIsolation);
        var authService = new PublishedService
        {
            Endpoint = AuthEndpoint(site.Cluster),
            Service = new InClusterService("oauth2-proxy", authNs.Name, 80, OAuth2ProxyPort),
            Namespace = authNs,
            Access = Access.Anonymous,
        };
        var backends = args.Services.Append(authService)
            .GroupBy(service => service.Namespace.Name, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => (Namespace: group.First().Namespace, Ports: BackendPorts(group)))
            .ToImmutableArray();
        var ingressNs = Tooling.Namespace(program, site, IngressNamespace, IngressIsolation(backends.Select(backend => (backend.Namespace.Name, backend.Ports))));
        foreach (var (backend, ports) in backends)
        {
            Tooling.Allow(program, site, backend, Flow.From(
                "from-ingress-controller",
                "Traefik forwards the published hosts (and Let's Encrypt's HTTP-01 challenges, to cert-manager's solver pods) to these ports",
                FlowPeer.Namespace(ingressNs.Name, FlowPeer.App(HelmCharts.Traefik.Name)),
                ports));
        }

        Controller = Tooling.Release(program, site, ingressNs, HelmCharts.Traefik, "traefik", Capability.Platform, new ExprMap
        {
            ["service"] = new ExprMap
            {
                ["annotations"] = args.Entry.ServiceAnnotations,
                ["spec"] = args.Entry.ServiceSpec.With(new ExprMap { ["type"] = "LoadBalancer" }),
            },
            ["ports"] = new ExprMap
            {
                ["web"] = new ExprMap
                {
                    ["http"] = new ExprMap
                    {
                        ["redirections"] = new ExprMap
                        {
                            ["entryPoint"] = new ExprMap { ["to"] = "websecure", ["scheme"] = "https", ["permanent"] = true },
                        },
                    },
                },
            },
        });
        CertManager = Tooling.Release(program, site, certNs, HelmCharts.CertManager, "cert-manager", Capability.Platform, new ExprMap
        {
            ["crds"] = new ExprMap { ["enabled"] = true },
        });
        var route53Key = program.Add(site.LogicalName("acme-route53"), new KubernetesSecret
        {
            Metadata = new ObjectMeta { Name = "acme-route53", Namespace = certNs.Resource.MetadataName(), Labels = Capability.Map(Capability.Platform) },
            Type = "Opaque",
            StringData = new ExprMap { ["secret-access-key"] = args.AcmeRoute53SecretKey },
        }, new ResourceOptions { Provider = site.Kubernetes, Parent = certNs.Resource });
        var oauthSecret = program.Add(site.LogicalName("oauth2-proxy-credentials"), new KubernetesSecret
        {
            Metadata = new ObjectMeta { Name = "oauth2-proxy", Namespace = authNs.Resource.MetadataName(), Labels = Capability.Map(Capability.Platform) },
            Type = "Opaque",
            StringData = new ExprMap
            {
                ["client-id"] = config.OauthClientId,
                ["client-secret"] = args.OauthClientSecret,
                ["cookie-secret"] = args.OauthCookieSecret,
            },
        }, new ResourceOptions { Provider = site.Kubernetes, Parent = authNs.Resource });
        var domain = site.Cluster.ToolingDomain;
        var authHost = $"{AuthHost}.{domain}";
        var extraArgs = new ExprMap
        {
            ["provider"] = "gitlab",
            ["oidc-issuer-url"] = args.GitlabUrl,
            ["redirect-url"] = $"https://{authHost}/oauth2/callback",
            ["cookie-domain"] = $".{domain}",
            ["whitelist-domain"] = $".{domain}",
            ["email-domain"] = "*",
            // Forward-auth mode: 202 when signed in, else the sign-in redirect Traefik passes to the browser.
            ["upstream"] = "static://202",
            ["reverse-proxy"] = true,
            ["set-xauthrequest"] = true,
            ["skip-provider-button"] = true,
        };
        AuthProxy = Tooling.Release(program, site, authNs, HelmCharts.OAuth2Proxy, "oauth2-proxy", Capability.Platform, new ExprMap
        {
            ["config"] = new ExprMap { ["existingSecret"] = oauthSecret.MetadataName() },
            ["extraArgs"] = config.AllowedGroups.IsEmpty
                ? extraArgs
                : extraArgs.With(new ExprMap { ["gitlab-group"] = string.Join(",", config.AllowedGroups) }),
        });
        var acmeZone = config.Zones.First(zone => zone.Name == config.AcmeChallengeZone);
        Issuers = program.Add(site.LogicalName("issuers"), new ConfigGroup
        {
            Objs = new ExprList(
            [
                Issuer(Http01Issuer, config.AcmeEmail, new ExprMap { ["http01"] = new ExprMap { ["ingress"] = new ExprMap { ["ingressClassName"] = IngressClass } } }),
                Issuer(Dns01Issuer, config.AcmeEmail, new ExprMap
                {
                    ["dns01"] = new ExprMap
                    {
                        ["cnameStrategy"] = "Follow",
                        ["route53"] = new ExprMap
                        {
                            // Route 53 is global; the SDK only needs some region to sign requests with.
                            ["region"] = "us-east-1",
                            ["hostedZoneID"] = acmeZone.HostedZoneId!,
                            ["accessKeyID"] = config.AcmeRoute53AccessKeyId,
                            ["secretAccessKeySecretRef"] = new ExprMap { ["name"] = route53Key.MetadataName(), ["key"] = "secret-access-key" },
                        },
                    },
                }),
                new ExprMap
                {
                    ["apiVersion"] = "traefik.io/v1alpha1",
                    ["kind"] = "Middleware",
                    ["metadata"] = new ExprMap { ["name"] = AuthMiddleware, ["namespace"] = authNs.Name },
                    ["spec"] = new ExprMap
                    {
                        ["forwardAuth"] = new ExprMap
                        {
                            ["address"] = $"http://oauth2-proxy.{authNs.Name}.svc.cluster.local/",
                            ["trustForwardHeader"] = true,
                            ["authResponseHeaders"] = new ExprList(["X-Auth-Request-User", "X-Auth-Request-Email"]),
                        },
                    },
                },
            ]),
        }, new ResourceOptions { Provider = site.Kubernetes, Parent = certNs.Resource, DependsOn = [CertManager, Controller] });

        var middleware = $"{authNs.Name}-{AuthMiddleware}@kubernetescrd";
        Ingress(program, site, authService, authHost, Http01Issuer, middleware: null);
        foreach (var service in args.Services)
        {
            var protectedBy = service.Access == Access.GitlabSignIn ? middleware : null;
            Ingress(program, site, service, service.Endpoint.Host, Http01Issuer, protectedBy);
            if (protectedBy is not null)
            {
                // The health path alone stays open, so the other site's status page sees the real state.
                Ingress(program, site, service, service.Endpoint.Host, Http01Issuer, middleware: null, exactPath: service.Endpoint.HealthPath);
            }
        }

        if (args.PublicStatus is { } status)
        {
            Ingress(program, site, status, config.StatusHost, Dns01Issuer, middleware: null, logicalSuffix: "public");
        }
    }

    public Resource<HelmRelease> Controller { get; }

    /// <summary>
    /// Traefik's namespace: the internet comes in on its two entry points, it goes out only to the backends of the
    /// published hosts and to the API server it reads Ingresses and Middlewares from.
    /// </summary>
    public static NamespaceIsolation IngressIsolation(IEnumerable<(string Namespace, ImmutableArray<FlowPort> Ports)> backends) => new()
    {
        PodSecurity = PodSecurityLevel.Restricted,
        Flows =
        [
            new Flow
            {
                Name = "from-load-balancer",
                Why = "the public entry: clients through the load balancer (which keeps their addresses) and its health checks from inside the VPC, "
                    + "so no address can be named, only Traefik's web and websecure ports",
                Direction = FlowDirection.Ingress,
                Pods = FlowPeer.App(HelmCharts.Traefik.Name),
                Peers = [],
                Ports = [FlowPort.Tcp(TraefikWebPort), FlowPort.Tcp(TraefikWebsecurePort)],
            },
            .. backends.Select(backend => Flow.To(
                $"to-{backend.Namespace}",
                $"Traefik forwards the hosts published from {backend.Namespace} (and HTTP-01 challenges to cert-manager's solver pods there)",
                FlowPeer.Namespace(backend.Namespace),
                backend.Ports) with { Pods = FlowPeer.App(HelmCharts.Traefik.Name) }),
            Flow.ToApiServer("Traefik watches Ingresses, Services and its Middlewares through the Kubernetes API"),
        ],
    };

    /// <summary>cert-manager: ACME and Route 53 out, the API server in (admission webhook) and out.</summary>
    public static NamespaceIsolation CertificatesIsolation { get; } = new()
    {
        PodSecurity = PodSecurityLevel.Restricted,
        Flows =
        [
            Flow.ToInternet(
                "acme",
                "cert-manager orders certificates from Let's Encrypt and writes DNS-01 records through the Route 53 API (HTTPS), "
                    + "self-checks HTTP-01 challenges at the public address (HTTP) and DNS-01 propagation at the authoritative name servers (DNS)",
                FlowPort.Tcp(443), FlowPort.Tcp(80), FlowPort.Udp(53), FlowPort.Tcp(53)),
            new Flow
            {
                Name = "webhook-from-api-server",
                Why = "the API server calls cert-manager's admission webhook; it is outside the pod network, so only the port can be named",
                Direction = FlowDirection.Ingress,
                Pods = FlowPeer.Labels("app.kubernetes.io/component", "webhook"),
                Peers = [],
                Ports = [FlowPort.Tcp(CertManagerWebhookPort)],
            },
            Flow.ToApiServer("cert-manager, its CA injector and its webhook watch Certificates, Ingresses and Secrets through the Kubernetes API"),
        ],
    };

    /// <summary>oauth2-proxy: Traefik in (added with the backends), GitLab out.</summary>
    public static NamespaceIsolation AuthIsolation { get; } = new()
    {
        PodSecurity = PodSecurityLevel.Restricted,
        Flows =
        [
            Flow.ToInternet(
                "gitlab", "oauth2-proxy signs users in with GitLab (OIDC discovery, token exchange, group membership) over HTTPS; public addresses only",
                FlowPort.Tcp(443)),
        ],
    };

    /// <summary>oauth2-proxy's own host: GitLab redirects back to it after sign-in.</summary>
    public static ToolingEndpoint AuthEndpoint(ClusterConfig cluster) => Tooling.Endpoint(cluster, AuthHost, "/ping");

    public Resource<HelmRelease> CertManager { get; }

    public Resource<HelmRelease> AuthProxy { get; }

    public Resource<ConfigGroup> Issuers { get; }

    /// <summary>The pod ports of a namespace's published services, and the HTTP-01 solver's.</summary>
    private static ImmutableArray<FlowPort> BackendPorts(IEnumerable<PublishedService> services) =>
        [.. services.Select(service => service.Service.PodPort).Append(AcmeSolverPort).Distinct().Order().Select(FlowPort.Tcp)];

    private static ExprMap Issuer(string name, string email, ExprMap solver) => new()
    {
        ["apiVersion"] = "cert-manager.io/v1",
        ["kind"] = "ClusterIssuer",
        ["metadata"] = new ExprMap { ["name"] = name },
        ["spec"] = new ExprMap
        {
            ["acme"] = new ExprMap
            {
                ["server"] = LetsEncrypt,
                ["email"] = email,
                ["privateKeySecretRef"] = new ExprMap { ["name"] = $"{name}-account" },
                ["solvers"] = new ExprList([solver]),
            },
        },
    };

    private void Ingress(
        ProgramBuilder program, KubernetesSite site, PublishedService service, string host, string issuer, string? middleware,
        string? exactPath = null, string? logicalSuffix = null)
    {
        var name = string.Join("-", new[] { service.Endpoint.Name, logicalSuffix, exactPath is null ? null : "health" }.OfType<string>());
        var annotations = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["traefik.ingress.kubernetes.io/router.entrypoints"] = "websecure",
            ["traefik.ingress.kubernetes.io/router.tls"] = "true",
        };
        if (exactPath is null)
        {
            // One certificate per host: the health-path Ingress reuses the Secret the main one's certificate fills.
            annotations["cert-manager.io/cluster-issuer"] = issuer;
        }

        if (middleware is not null)
        {
            annotations["traefik.ingress.kubernetes.io/router.middlewares"] = middleware;
        }
        else if (exactPath is null)
        {
            // Reviewed exceptions to sign-in, held to by the security baseline (SEC008).
            annotations["cloudiam.io/access"] = service.Access == Access.OwnLogin ? "own-login" : "public";
        }

        program.Add(site.LogicalName($"ingress-{name}"), new KubernetesIngress
        {
            Metadata = new ObjectMeta
            {
                Name = name,
                Namespace = service.Namespace.Resource.MetadataName(),
                Labels = Capability.Map(Capability.Platform),
                Annotations = annotations.ToImmutableSortedDictionary(StringComparer.Ordinal),
            },
            Spec = new ExprMap
            {
                ["ingressClassName"] = IngressClass,
                ["tls"] = new ExprList([new ExprMap { ["hosts"] = new ExprList([host]), ["secretName"] = $"{host.Replace('.', '-')}-tls" }]),
                ["rules"] = new ExprList(
                [
                    new ExprMap
                    {
                        ["host"] = host,
                        ["http"] = new ExprMap
                        {
                            ["paths"] = new ExprList(
                            [
                                new ExprMap
                                {
                                    ["path"] = exactPath ?? "/",
                                    ["pathType"] = exactPath is null ? "Prefix" : "Exact",
                                    ["backend"] = new ExprMap
                                    {
                                        ["service"] = new ExprMap
                                        {
                                            ["name"] = service.Service.Name,
                                            ["port"] = new ExprMap { ["number"] = service.Service.Port },
                                        },
                                    },
                                },
                            ]),
                        },
                    },
                ]),
            },
        }, new ResourceOptions { Provider = site.Kubernetes, Parent = service.Namespace.Resource, DependsOn = [Issuers] });
    }
}
