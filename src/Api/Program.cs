using Microsoft.Extensions.Logging.Console;
using Scalar.AspNetCore;
using Microsoft.Extensions.Options;
using UnifiedCustomers.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddSecretFiles();
if (StartupConfiguration.Problems(builder.Configuration).Concat(CustomerAccessServices.Problems(builder.Configuration, builder.Environment)).ToList()
    is { Count: > 0 } problems)
{
    Console.Error.WriteLine(StartupConfiguration.Describe(problems));
    return StartupConfiguration.ExitCode;
}

builder.Logging.ClearProviders();
builder.Logging.AddConsole(options => options.FormatterName = builder.Configuration["Logging:Console:FormatterName"] ?? "json");
// Every line: a UTC timestamp, and the request's scope with the TraceId a client sees in a problem's traceId.
builder.Services.Configure<JsonConsoleFormatterOptions>(options => (options.IncludeScopes, options.TimestampFormat, options.UseUtcTimestamp) = (true, "yyyy-MM-ddTHH:mm:ss.fffZ", true));
builder.Services.Configure<SimpleConsoleFormatterOptions>(options => (options.IncludeScopes, options.TimestampFormat, options.UseUtcTimestamp) = (true, "yyyy-MM-ddTHH:mm:ss.fffZ ", true));

builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.Limits.MaxRequestBodySize = RequestLimits.MaxBodyBytes;
    kestrel.Limits.MaxRequestHeadersTotalSize = RequestLimits.HardMaxHeaderBytes;
    kestrel.Limits.MaxRequestHeaderCount = RequestLimits.HardMaxHeaderCount;
});

builder.Services.AddApi(builder.Configuration);
builder.Services.AddCustomerAccess(builder.Configuration, builder.Environment);
builder.Services.AddTelemetry(builder.Configuration);
builder.Services.AddJobs(builder.Configuration);
builder.Services.AddBackend(builder.Configuration);
builder.Services.AddEventWorkers(builder.Configuration);

var app = builder.Build();

app.UseForwardedHeaders();
app.UseMiddleware<NoStoreResponses>();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseMiddleware<HeaderLimitMiddleware>();
app.UseMiddleware<JsonBodyBuffering>();
app.UseRouting();
app.UseCors();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseMiddleware<IdempotencyMiddleware>();

app.MapOpenApi().AllowAnonymous();
app.MapScalarApiReference("/docs", options => options.WithTitle("UnifiedCustomers API").AddPreferredSecuritySchemes("bearer")).AllowAnonymous();
app.MapHealth();

// Date and instant parameters are read as in JSON bodies (yyyy-MM-dd, an instant with its offset), not as the binder guesses.
var api = app.MapGroup("/api/v1").AddEndpointFilterFactory(QueryValues.StrictDates);
api.MapCustomers();
api.MapCatalog();
api.MapScheduling();
api.MapScheduleResources();
api.MapBookings();
api.MapSales();
api.MapPublic();
api.MapEvents();
api.MapWebhooks();
api.MapBookingList();
api.MapOrganization();
api.MapPrivacy();
api.MapAccessTokens();
api.MapMe();

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
