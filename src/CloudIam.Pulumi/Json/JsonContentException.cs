namespace CloudIam.Pulumi.Json;

/// <summary>
/// A problem found deep inside a document by code that knows neither the file nor its bytes; the
/// entry point adds both and rethrows it as a <see cref="CloudIam.Placement.BadInputException"/>.
/// </summary>
internal sealed class JsonContentException(string problem, long? byteOffset = null) : Exception(problem)
{
    /// <summary>Set for problems inside a token (bad UTF-8); the message then gives a line as well.</summary>
    public long? ByteOffset { get; } = byteOffset;
}
