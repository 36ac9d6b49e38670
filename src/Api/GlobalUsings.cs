// The namespaces most files of this project use, imported once (see docs/adr/0032).
global using Mediator;
global using UnifiedCustomers.Api.Access;
global using UnifiedCustomers.Api.Common;
global using UnifiedCustomers.Api.Errors;
