namespace CloudIam.Infra.Components.Exposure;

/// <summary>Who may open a published host.</summary>
public enum Access
{
    /// <summary>Anyone: the public status page only.</summary>
    Anonymous,

    /// <summary>The tool's own login (Grafana: admin password from secret config, anonymous access off).</summary>
    OwnLogin,

    /// <summary>GitLab sign-in through oauth2-proxy, members of the allowed groups only.</summary>
    GitlabSignIn,
}

/// <summary>One tooling UI or API a site publishes on its tooling domain.</summary>
public sealed record PublishedService
{
    public required ToolingEndpoint Endpoint { get; init; }

    public required InClusterService Service { get; init; }

    /// <summary>The namespace the Service lives in; its Ingress goes there too.</summary>
    public required ToolingNamespace Namespace { get; init; }

    public required Access Access { get; init; }

    public static string Describe(Access access) => access switch
    {
        Access.Anonymous => "anonymous (public)",
        Access.OwnLogin => "Grafana login (admin password from secret config; anonymous off)",
        _ => "GitLab sign-in (oauth2-proxy)",
    };
}
