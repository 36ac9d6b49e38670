namespace UnifiedCustomers.Domain.Customers;

public static class CustomerErrors
{
    public static readonly Error NotFound = Error.NotFound("customer.not_found", "No such customer in this organization.");
    public static readonly Error Archived = new("customer.archived", "The customer is archived: restore them before booking or selling.");
    public static readonly Error AlreadyArchived = Error.Conflict("customer.already_archived", "The customer is already archived.");
    public static readonly Error NotArchived = Error.Conflict("customer.not_archived", "Only an archived customer can be restored.");
    public static readonly Error MergedAway = Error.Conflict("customer.merged", "The customer was merged into another and cannot be restored; use the survivor.");
    public static readonly Error MergedNotesTooLong = Error.Conflict("customer.merged_notes_too_long",
        $"The two customers' notes together are longer than the {Customer.NotesMaxLength} characters a customer's notes hold: shorten them, then merge.");
    public static readonly Error MergeWithSelf = Error.Invalid("customer.merge_self", "A customer cannot be merged into itself.", "mergedId");
    public static readonly Error MergeAcrossOrganizations = Error.NotFound("customer.not_found", "No such customer in this organization.");
    public static readonly Error EmailTaken = Error.Conflict("customer.email_taken", "Another customer of this organization already uses this email.");
    public static readonly Error NameRequired = Error.Invalid("customer.name_required", "A first or last name is required.", "firstName");
    public static readonly Error Erased = Error.Conflict("customer.erased", "The customer's details were erased on their request: the record stays anonymous for good.");
    public static readonly Error AlreadyErased = Error.Conflict("customer.already_erased", "The customer's details are already erased.");
    public static readonly Error EraseMergedAway = Error.Conflict("customer.merged", "The customer was merged into another: erase the survivor, which erases this duplicate too.");
    public static readonly Error NameTooLong = Error.Invalid("customer.name_too_long", $"Names are at most {PersonName.MaxLength} characters.", "firstName");
    public static readonly Error PhoneTooLong = Error.Invalid("customer.phone_too_long", $"A phone number is at most {PhoneNumber.MaxLength} characters.", "phone");
    public static readonly Error NotesTooLong = Error.Invalid("customer.notes_too_long", $"Notes are at most {Customer.NotesMaxLength} characters.", "notes");
    public static readonly Error NoteEmpty = Error.Invalid("note.empty", "A note needs some text.", "content");
    public static readonly Error NoteTooLong = Error.Invalid("note.too_long", $"A note is at most {CustomerNote.ContentMaxLength} characters.", "content");
    public static readonly Error LegacyIdNotFound = Error.NotFound("legacy_id.not_found", "No customer of this organization came from this legacy id.");
    public static readonly Error SourceTooLong = Error.Invalid("customer.source_too_long", $"A source is at most {Customer.SourceMaxLength} characters.", "source");
    public static readonly Error StatusCauseRequired = Error.Invalid("customer.status_cause_required", "Say why the status changes.", "reason");
    public static readonly Error StatusCauseTooLong = Error.Invalid("customer.status_cause_too_long", $"A reason is at most {StatusCause.MaxLength} characters.", "reason");
    public static readonly Error EmailInvalid = Error.Invalid("customer.email_invalid", "The email address is not valid.", "email");
}
