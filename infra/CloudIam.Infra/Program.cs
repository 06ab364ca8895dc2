using CloudIam.Infra.Cli;

return CloudIamCli.Run(args, CliContext.FromProcess());
