using FluentValidation;
using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Application.Customers.AddCustomerNote;
using UnifiedCustomers.Application.Customers.ListCustomerNotes;
using UnifiedCustomers.Application.Tests.Support;

namespace UnifiedCustomers.Application.Tests.Customers;

public sealed class CustomerNotesTests(Backend backend) : IClassFixture<Backend>
{
    [Fact]
    public async Task AddNote_ThenList_ShowsNewestFirst()
    {
        var studio = await Studio.OpenAsync(backend);
        var customer = await studio.CustomerAsync();
        var author = Guid.NewGuid();

        var first = await backend.SendAsync(new AddCustomerNoteCommand(studio.Id, customer.Id, "  Knee injury, no jumps  ", author));
        backend.Clock.Advance(TimeSpan.FromMinutes(5));
        var second = await backend.SendAsync(new AddCustomerNoteCommand(studio.Id, customer.Id, "Asked about the 10-class pass"));
        var notes = await backend.SendAsync(new ListCustomerNotesQuery(studio.Id, customer.Id));

        first.Value.Should().Match<Application.Customers.CustomerNoteResponse>(n => n.Content == "Knee injury, no jumps" && n.CreatedBy == author);
        notes.Value.Select(n => n.Id).Should().Equal(second.Value.Id, first.Value.Id);
        (await backend.WithDbAsync(db => db.CustomerNotes.CountAsync(n => n.CustomerId == customer.Id))).Should().Be(2);
    }

    [Fact]
    public async Task AddNote_ForAnUnknownCustomerOrWithoutText_IsRefused()
    {
        var studio = await Studio.OpenAsync(backend);
        var customer = await studio.CustomerAsync();

        var missing = await backend.SendAsync(new AddCustomerNoteCommand(studio.Id, Guid.NewGuid(), "Hello"));
        var blank = () => backend.SendAsync(new AddCustomerNoteCommand(studio.Id, customer.Id, "   "));
        var list = await backend.SendAsync(new ListCustomerNotesQuery(studio.Id, Guid.NewGuid()));

        missing.Error!.Code.Should().Be("customer.not_found");
        list.Error!.Code.Should().Be("customer.not_found");
        (await blank.Should().ThrowAsync<ValidationException>()).Which.Errors.Should().OnlyContain(e => e.PropertyName == "Content");
    }
}
