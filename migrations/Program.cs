using UnifiedCustomers.Migrations;

return await Cli.RunAsync(args);
