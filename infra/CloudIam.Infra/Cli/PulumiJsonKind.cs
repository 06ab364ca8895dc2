using System.Text.Json;
using CloudIam.Placement;
using CloudIam.Pulumi.Json;

namespace CloudIam.Infra.Cli;

/// <summary>Tells a stack export from a preview by its top-level keys, reading only the file's head.</summary>
public enum PulumiJsonKind
{
    Unknown,
    StackExport,
    Preview,
}

public static class PulumiJsonKinds
{
    private const int HeadBytes = 1 << 16;

    public static PulumiJsonKind Detect(string path)
    {
        byte[] head;
        try
        {
            using var file = File.OpenRead(path);
            head = new byte[(int)Math.Min(HeadBytes, file.Length)];
            file.ReadExactly(head);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BadInputException(path, e is FileNotFoundException or DirectoryNotFoundException ? "file not found" : e.Message);
        }

        var reader = new Utf8JsonReader(head, isFinalBlock: head.Length < HeadBytes, new JsonReaderState(new JsonReaderOptions { MaxDepth = JsonLimits.MaxDepth }));
        try
        {
            while (reader.Read())
            {
                if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("deployment"u8))
                    {
                        return PulumiJsonKind.StackExport;
                    }

                    if (reader.ValueTextEquals("steps"u8))
                    {
                        return PulumiJsonKind.Preview;
                    }
                }
            }
        }
        catch (JsonException e)
        {
            throw new BadInputException(path, $"line {e.LineNumber + 1}", $"not valid JSON: {e.Message}");
        }

        return PulumiJsonKind.Unknown;
    }
}
