namespace UnifiedCustomers.Domain.Common;

/// <summary>The catalog of the bounds every value that enters meets (<see cref="CleanText"/>, <see cref="DateBounds"/>).</summary>
public static class InputErrors
{
    public const string InvalidCharactersCode = "text.invalid_characters";
    public const string DateOutOfRangeCode = "date.out_of_range";

    /// <param name="multiline">free text, which may hold line breaks and tabs</param>
    public static Error InvalidCharacters(string field, bool multiline = false) => Error.Invalid(
        InvalidCharactersCode,
        multiline
            ? "Text may not contain control characters other than line breaks and tabs."
            : "Text may not contain control characters (line breaks and tabs included).",
        field);

    public static Error DateOutOfRange(string field) => Error.Invalid(DateOutOfRangeCode, "Dates are between 1900-01-01 and 2200-12-31.", field);
}
