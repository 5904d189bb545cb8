using CrmSync.Host.Cli;

return await CrmSyncCommandLine.RunAsync(args, Console.Out, Console.Error);
