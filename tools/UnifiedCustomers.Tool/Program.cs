using UnifiedCustomers.Tool;

return await Cli.RunAsync(args);
