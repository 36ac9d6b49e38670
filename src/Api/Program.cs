using Scalar.AspNetCore;
using UnifiedCustomers.Api.Access;
using UnifiedCustomers.Api.Bookings;
using UnifiedCustomers.Api.Catalog;
using Microsoft.Extensions.Options;
using UnifiedCustomers.Api.Composition;
using UnifiedCustomers.Api.Configuration;
using UnifiedCustomers.Api.Customers;
using UnifiedCustomers.Api.Health;
using UnifiedCustomers.Api.Idempotency;
using UnifiedCustomers.Api.Public;
using UnifiedCustomers.Api.Sales;
using UnifiedCustomers.Api.Scheduling;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddSecretFiles();
if (StartupConfiguration.Problems(builder.Configuration) is { Count: > 0 } problems)
{
    Console.Error.WriteLine(StartupConfiguration.Describe(problems));
    return StartupConfiguration.ExitCode;
}

builder.Logging.ClearProviders();
builder.Logging.AddConsole(options => options.FormatterName = builder.Configuration["Logging:Console:FormatterName"] ?? "json");

builder.Services.AddApi(builder.Configuration);
builder.Services.AddTelemetry(builder.Configuration);
builder.Services.AddJobs(builder.Configuration);
builder.Services.AddBackend(DatabaseConnections.AppConnectionString(builder.Configuration));

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseMiddleware<IdempotencyMiddleware>();

app.MapOpenApi().AllowAnonymous();
app.MapScalarApiReference("/docs", options => options.WithTitle("UnifiedCustomers API").AddPreferredSecuritySchemes("bearer")).AllowAnonymous();
app.MapHealth();

var api = app.MapGroup("/api/v1");
api.MapCustomers();
api.MapCatalog();
api.MapScheduling();
api.MapScheduleResources();
api.MapBookings();
api.MapSales();
api.MapPublic();

try
{
    app.Run();
}
catch (OptionsValidationException ex)
{
    Console.Error.WriteLine(StartupConfiguration.Describe(ex.Failures));
    return StartupConfiguration.ExitCode;
}
return 0;

public partial class Program;
