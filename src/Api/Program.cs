using Microsoft.Extensions.Logging.Console;
using Scalar.AspNetCore;
using UnifiedCustomers.Api.Access;
using UnifiedCustomers.Api.Bookings;
using UnifiedCustomers.Api.Catalog;
using UnifiedCustomers.Api.Composition;
using UnifiedCustomers.Api.Customers;
using UnifiedCustomers.Api.Errors;
using UnifiedCustomers.Api.Health;
using UnifiedCustomers.Api.Idempotency;
using UnifiedCustomers.Api.Public;
using UnifiedCustomers.Api.Sales;
using UnifiedCustomers.Api.Scheduling;

var builder = WebApplication.CreateBuilder(args);

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
builder.Services.AddBackend(
    DatabaseConnections.AppConnectionString(builder.Configuration),
    builder.Configuration.GetValue("Database:MaxPoolSize", UnifiedCustomers.Infrastructure.DependencyInjection.DefaultMaxPoolSize));

var app = builder.Build();

app.UseForwardedHeaders();
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

var api = app.MapGroup("/api/v1");
api.MapCustomers();
api.MapCatalog();
api.MapScheduling();
api.MapBookings();
api.MapSales();
api.MapPublic();

app.Run();

public partial class Program;
