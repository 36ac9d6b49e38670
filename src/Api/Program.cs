using UnifiedCustomers.Api.Health;
using UnifiedCustomers.Api.Composition;

var builder = WebApplication.CreateBuilder(args);

builder.Logging.ClearProviders();
builder.Logging.AddConsole(options => options.FormatterName = builder.Configuration["Logging:Console:FormatterName"] ?? "json");

var connectionString = builder.Configuration.GetConnectionString("Default")
    ?? throw new InvalidOperationException("ConnectionStrings:Default is not set (run ./run.sh, or set ConnectionStrings__Default).");

builder.Services.AddProblemDetails();
builder.Services.AddBackend(connectionString);

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapHealth();

app.Run();

public partial class Program;
