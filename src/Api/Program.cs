using Scalar.AspNetCore;
using UnifiedCustomers.Api.Access;
using UnifiedCustomers.Api.Bookings;
using UnifiedCustomers.Api.Catalog;
using UnifiedCustomers.Api.Composition;
using UnifiedCustomers.Api.Customers;
using UnifiedCustomers.Api.Health;
using UnifiedCustomers.Api.Idempotency;
using UnifiedCustomers.Api.Public;
using UnifiedCustomers.Api.Sales;
using UnifiedCustomers.Api.Scheduling;

var builder = WebApplication.CreateBuilder(args);

builder.Logging.ClearProviders();
builder.Logging.AddConsole(options => options.FormatterName = builder.Configuration["Logging:Console:FormatterName"] ?? "json");

builder.Services.AddApi(builder.Configuration);
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

app.Run();

public partial class Program;
