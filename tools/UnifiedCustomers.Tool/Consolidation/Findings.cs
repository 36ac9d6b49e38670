using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace UnifiedCustomers.Tool.Consolidation;

/// <summary>
/// One list of the report's findings as the tool holds it: how many there are and the first of them,
/// at most <see cref="Findings.Held"/>. At scale a list has hundreds of thousands of rows; the JSON
/// report has every one (streamed from the database, <see cref="ConsolidationReport.WriteJsonAsync"/>),
/// the text report shows 20. Enumerates the held rows.
/// </summary>
[JsonConverter(typeof(FindingsConverter))]
internal sealed class Findings<T>(long count, IReadOnlyList<T> held) : IEnumerable<T>
{
    public static readonly Findings<T> None = new(0, []);

    public long Count => count;

    public IReadOnlyList<T> Held => held;

    /// <summary>Every finding is held (always so below <see cref="Findings.Held"/>).</summary>
    public bool Complete => held.Count == count;

    public IEnumerator<T> GetEnumerator() => held.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

internal static class Findings
{
    /// <summary>Enough for the text report's 20 and for every list a test asserts whole; flat whatever the run's size.</summary>
    public const int Held = 1000;
}

/// <summary>
/// A list of findings is a JSON array. Reading counts every element and holds the first
/// <see cref="Findings.Held"/>; writing refuses a list not held whole, so no JSON is ever cut short.
/// </summary>
internal sealed class FindingsConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(Findings<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Of<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;

    private sealed class Of<T> : JsonConverter<Findings<T>>
    {
        public override Findings<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException("A list of findings is a JSON array.");
            var count = 0L;
            var held = new List<T>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var item = JsonSerializer.Deserialize<T>(ref reader, options)!;
                if (held.Count < Findings.Held) held.Add(item);
                count++;
            }
            return new Findings<T>(count, held);
        }

        public override void Write(Utf8JsonWriter writer, Findings<T> value, JsonSerializerOptions options)
        {
            if (!value.Complete)
                throw new InvalidOperationException($"Only {value.Held.Count} of {value.Count} findings are held; the JSON report written during the run has them all.");
            writer.WriteStartArray();
            foreach (var item in value.Held) JsonSerializer.Serialize(writer, item, options);
            writer.WriteEndArray();
        }
    }
}
