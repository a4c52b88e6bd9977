using SearchKamer.Host.Cli;

return Cli.Dispatch(args, Console.Out);
