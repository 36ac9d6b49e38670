using UnifiedCustomers.Domain.Customers;
using UnifiedCustomers.Domain.Tests.Builders;

namespace UnifiedCustomers.Domain.Tests.Customers;

/// <summary>Each value type owns its rule: what it keeps, and which code refuses what it does not.</summary>
public sealed class ValueObjectTests
{
    [Theory]
    [InlineData(" Ada.Lovelace@Example.COM ", "ada.lovelace@example.com")]
    [InlineData("ada @ example.com", "ada@example.com")]
    [InlineData("\u0130x@EXAMPLE.\u0130", "ix@example.i")]
    public void EmailAddress_From_WhenAnAddress_KeepsItWithoutWhitespaceLowerCased(string text, string kept) =>
        EmailAddress.From(text).ShouldSucceed()!.Value.Should().Be(kept);

    [Theory]
    [InlineData(null)]
    [InlineData(" \t ")]
    public void EmailAddress_From_WhenBlank_IsNoAddress(string? text) => EmailAddress.From(text).ShouldSucceed().Should().BeNull();

    [Theory]
    [InlineData("ada")]
    [InlineData("@example.com")]
    [InlineData("ada@")]
    [InlineData("a@b@c")]
    public void EmailAddress_From_WhenNotAnAddress_FailsWithEmailInvalid(string text) =>
        EmailAddress.From(text).ShouldFailWith("customer.email_invalid").Field.Should().Be("email");

    [Fact]
    public void EmailAddress_From_AtTheMaxLength_IsKept_OneMoreFailsWithEmailInvalid()
    {
        var local = new string('a', EmailAddress.MaxLength - "@example.com".Length);
        EmailAddress.From(local + "@example.com").ShouldSucceed()!.Value.Length.Should().Be(EmailAddress.MaxLength);
        EmailAddress.From("a" + local + "@example.com").ShouldFailWith("customer.email_invalid");
    }

    [Fact]
    public void EmailAddress_From_WhenItHoldsAControlCharacter_FailsWithInvalidCharacters() =>
        EmailAddress.From("ada\u0000@example.com").ShouldFailWith("text.invalid_characters").Field.Should().Be("email");

    [Theory]
    [InlineData(" Ada ", null, "Ada", "", "Ada")]
    [InlineData(null, " Lovelace ", "", "Lovelace", "Lovelace")]
    [InlineData("Ada", "Lovelace", "Ada", "Lovelace", "Ada Lovelace")]
    public void PersonName_From_WhenOneNameAtLeast_KeepsThemTrimmed(string? first, string? last, string keptFirst, string keptLast, string full)
    {
        var name = PersonName.From(first, last).ShouldSucceed();
        (name.First, name.Last, name.Full).Should().Be((keptFirst, keptLast, full));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData(" ", "\u00a0")]
    public void PersonName_From_WhenNoName_FailsWithNameRequired(string? first, string? last) =>
        PersonName.From(first, last).ShouldFailWith("customer.name_required").Field.Should().Be("firstName");

    [Fact]
    public void PersonName_From_PastTheMaxLength_FailsWithNameTooLong()
    {
        PersonName.From(new string('a', PersonName.MaxLength), new string('b', PersonName.MaxLength)).ShouldSucceed();
        PersonName.From(new string('a', PersonName.MaxLength + 1), null).ShouldFailWith("customer.name_too_long");
        PersonName.From("Ada", new string('b', PersonName.MaxLength + 1)).ShouldFailWith("customer.name_too_long");
    }

    [Fact]
    public void PersonName_From_WhenTheLastNameHoldsALineBreak_FailsNamingLastName() =>
        PersonName.From("Ada", "Love\nlace").ShouldFailWith("text.invalid_characters").Field.Should().Be("lastName");

    [Fact]
    public void PhoneNumber_From_KeepsItTrimmed_BlankIsNone_PastTheMaxLengthFailsWithPhoneTooLong()
    {
        PhoneNumber.From(" +447700900123 ").ShouldSucceed()!.Value.Should().Be("+447700900123");
        PhoneNumber.From("  ").ShouldSucceed().Should().BeNull();
        PhoneNumber.From(new string('1', PhoneNumber.MaxLength)).ShouldSucceed()!.Value.Length.Should().Be(PhoneNumber.MaxLength);
        PhoneNumber.From(new string('1', PhoneNumber.MaxLength + 1)).ShouldFailWith("customer.phone_too_long").Field.Should().Be("phone");
    }

    [Fact]
    public void StatusCause_From_KeepsItTrimmed_BlankFailsWithRequired_PastTheMaxLengthFailsWithTooLong()
    {
        StatusCause.From(" moved away ").ShouldSucceed().Value.Should().Be("moved away");
        StatusCause.From(" ").ShouldFailWith("customer.status_cause_required").Field.Should().Be("reason");
        StatusCause.From(new string('r', StatusCause.MaxLength)).ShouldSucceed();
        StatusCause.From(new string('r', StatusCause.MaxLength + 1)).ShouldFailWith("customer.status_cause_too_long").Field.Should().Be("reason");
    }

    [Fact]
    public void ValuesOfOneType_AreEqualByTheirText() =>
        EmailAddress.From("ADA@example.com").ShouldSucceed().Should().Be(EmailAddress.From("ada@example.com").ShouldSucceed());

    [Fact]
    public void Customer_Archive_WhenTheReasonIsTooLong_FailsWithStatusCauseTooLong_AndStaysAsItWas()
    {
        var customer = A.Customer.Build();
        var before = customer.Status;

        customer.Archive(new string('r', StatusCause.MaxLength + 1), TestClock.Start).ShouldFailWith("customer.status_cause_too_long");

        customer.Status.Should().Be(before);
        customer.StatusHistory.Should().ContainSingle();
    }

    [Fact]
    public void Customer_UpdateDetails_WhenSourceIsTooLong_FailsWithSourceTooLong_AndKeepsTheDetails()
    {
        var customer = A.Customer.Build();
        var source = customer.Source;

        customer.UpdateDetails("Ada", null, null, null, new string('s', Customer.SourceMaxLength + 1), null, TestClock.Start)
            .ShouldFailWith("customer.source_too_long");

        customer.Source.Should().Be(source);
    }
}
