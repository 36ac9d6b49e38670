// The namespaces most files of this project use, imported once (see docs/adr/0032).
global using FluentValidation;
global using Mapster;
global using Mediator;
global using Microsoft.EntityFrameworkCore;
global using UnifiedCustomers.Application.Common.Reads;
global using UnifiedCustomers.Application.Common.Validation;
global using UnifiedCustomers.Application.Common;
global using UnifiedCustomers.Domain.Common;
