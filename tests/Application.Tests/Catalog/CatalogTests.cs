using FluentValidation;
using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Domain.Common;
using UnifiedCustomers.Application.Catalog;
using UnifiedCustomers.Application.Catalog.CreateClassType;
using UnifiedCustomers.Application.Catalog.CreateMembershipPlan;
using UnifiedCustomers.Application.Catalog.CreatePackProduct;
using UnifiedCustomers.Application.Catalog.ListClassTypes;
using UnifiedCustomers.Application.Catalog.ListMembershipPlans;
using UnifiedCustomers.Application.Catalog.ListPackProducts;
using UnifiedCustomers.Application.Tests.Support;
using UnifiedCustomers.Domain.Memberships;

namespace UnifiedCustomers.Application.Tests.Catalog;

/// <summary>CreateClassType, CreateMembershipPlan, CreatePackProduct and their List queries.</summary>
public sealed class CatalogTests(Backend backend) : IClassFixture<Backend>
{
    [Fact]
    public async Task CreateClassType_ThenList_ShowsItByName()
    {
        var studio = await Studio.OpenAsync(backend);

        var created = await backend.SendAsync(new CreateClassTypeCommand(studio.Id, " HIIT ", 20, 45));
        var listed = await backend.SendAsync(new ListClassTypesQuery(studio.Id));

        created.Value.Should().Be(new ClassTypeResponse(created.Value.Id, "HIIT", 20, 45, true));
        (await backend.WithDbAsync(db => db.ClassTypes.SingleAsync(t => t.Id == created.Value.Id))).OrganizationId.Should().Be(studio.Id);
        listed.Value.Select(t => t.Name).Should().Equal("HIIT", "Vinyasa Flow");
    }

    [Fact]
    // Issue #15: a missing name stays the validator's (shape); the capacity and duration ranges, which the validator also
    // reported here, are ClassType's alone now and answer with its codes.
    public async Task CreateClassType_WithBadValues_FailsValidationByField()
    {
        var studio = await Studio.OpenAsync(backend);

        var act = () => backend.SendAsync(new CreateClassTypeCommand(studio.Id, "", 0, 2));
        var noSeats = await backend.SendAsync(new CreateClassTypeCommand(studio.Id, "Barre", 0, 50));
        var tooShort = await backend.SendAsync(new CreateClassTypeCommand(studio.Id, "Barre", 10, 2));

        (await act.Should().ThrowAsync<ValidationException>()).Which.Errors.Select(e => e.PropertyName).Should().BeEquivalentTo("Name");
        noSeats.Error.Should().Match<Error>(e => e.Code == "class_type.capacity_invalid" && e.Field == "defaultCapacity");
        tooShort.Error.Should().Match<Error>(e => e.Code == "class_type.duration_invalid" && e.Field == "defaultDurationMinutes");
        (await backend.WithDbAsync(db => db.ClassTypes.CountAsync(t => t.OrganizationId == studio.Id && t.Name == "Barre"))).Should().Be(0);
        (await backend.SendAsync(new CreateClassTypeCommand(Guid.NewGuid(), "Barre", 10, 50))).Error!.Code.Should().Be("organization.not_found");
    }

    [Fact]
    public async Task CreateMembershipPlan_LimitedToAClassType_ThenList_ShowsItsAllowance()
    {
        var studio = await Studio.OpenAsync(backend);

        var created = await backend.SendAsync(new CreateMembershipPlanCommand(studio.Id, "8 per month", AllowancePeriod.Month, 8, [studio.Yoga.Id]));
        await backend.SendAsync(new CreateMembershipPlanCommand(studio.Id, "Trial", AllowancePeriod.Term, 3, IsTrial: true));
        var listed = await backend.SendAsync(new ListMembershipPlansQuery(studio.Id));

        created.Value.Should().Match<MembershipPlanResponse>(p =>
            p.AllowancePeriod == AllowancePeriod.Month && p.AllowanceClasses == 8 && p.ClassTypeIds.Single() == studio.Yoga.Id && !p.IsTrial);
        listed.Value.Select(p => (p.Name, p.AllowancePeriod, p.AllowanceClasses, p.IsTrial)).Should().Equal(
            ("8 per month", AllowancePeriod.Month, 8, false), ("Trial", AllowancePeriod.Term, 3, true));
    }

    [Fact]
    public async Task CreateMembershipPlan_WithAnotherStudiosClassType_IsClassTypeNotFound()
    {
        var studio = await Studio.OpenAsync(backend);
        var other = await Studio.OpenAsync(backend);

        var result = await backend.SendAsync(new CreateMembershipPlanCommand(studio.Id, "Yoga only", AllowancePeriod.Unlimited, ClassTypeIds: [other.Yoga.Id]));

        result.Error!.Code.Should().Be("class_type.not_found");
        (await backend.WithDbAsync(db => db.MembershipPlans.CountAsync(p => p.OrganizationId == studio.Id))).Should().Be(0);
    }

    [Fact]
    // Issue #15: a weekly plan without classes, and an unlimited one with a count, were ValidationExceptions on AllowanceClasses;
    // MembershipPlan owns the rule and answers membership_plan.allowance_invalid on the same field.
    public async Task CreateMembershipPlan_WithAnAllowanceThatDoesNotFitItsPeriod_FailsValidation()
    {
        var studio = await Studio.OpenAsync(backend);

        var unlimitedWithCount = await backend.SendAsync(new CreateMembershipPlanCommand(studio.Id, "Odd", AllowancePeriod.Unlimited, 5));
        var weeklyWithout = await backend.SendAsync(new CreateMembershipPlanCommand(studio.Id, "Odd", AllowancePeriod.Week, null));
        var weeklyNone = await backend.SendAsync(new CreateMembershipPlanCommand(studio.Id, "Odd", AllowancePeriod.Week, 0));

        unlimitedWithCount.Error.Should().Match<Error>(e => e.Code == "membership_plan.allowance_invalid" && e.Field == "allowanceClasses");
        weeklyWithout.Error.Should().Match<Error>(e => e.Code == "membership_plan.allowance_invalid" && e.Field == "allowanceClasses");
        weeklyNone.Error!.Code.Should().Be("membership_plan.allowance_invalid");
        (await backend.WithDbAsync(db => db.MembershipPlans.CountAsync(p => p.OrganizationId == studio.Id))).Should().Be(0);
    }

    [Fact]
    public async Task CreatePackProduct_ThenList_ShowsIt()
    {
        var studio = await Studio.OpenAsync(backend);

        var created = await backend.SendAsync(new CreatePackProductCommand(studio.Id, "Trial 2-Class Pass", 2, 14, IsTrial: true));
        var listed = await backend.SendAsync(new ListPackProductsQuery(studio.Id));

        created.Value.Should().Be(listed.Value.Single() with { ClassTypeIds = created.Value.ClassTypeIds });
        created.Value.Should().Match<PackProductResponse>(p => p.Credits == 2 && p.ValidityDays == 14 && p.IsTrial && p.ClassTypeIds.Count == 0);
    }

    [Fact]
    public async Task CreatePackProduct_WithBadValuesOrAnUnknownClassType_IsRefused()
    {
        var studio = await Studio.OpenAsync(backend);

        var bad = await backend.SendAsync(new CreatePackProductCommand(studio.Id, "Pass", 0, 0));
        var neverValid = await backend.SendAsync(new CreatePackProductCommand(studio.Id, "Pass", 5, 0));
        var unknownType = await backend.SendAsync(new CreatePackProductCommand(studio.Id, "Pass", 5, 30, [Guid.NewGuid()]));

        // Issue #15: was a ValidationException on Credits and ValidityDays; PackProduct owns the ranges.
        bad.Error!.Code.Should().Be("pack_product.invalid");
        neverValid.Error!.Code.Should().Be("pack_product.invalid");
        (await backend.WithDbAsync(db => db.PackProducts.CountAsync(p => p.OrganizationId == studio.Id))).Should().Be(0);
        unknownType.Error!.Code.Should().Be("class_type.not_found");
    }
}
