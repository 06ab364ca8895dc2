using System.Text.Json;

using var stream = File.OpenRead(args[0]);
using var document = JsonDocument.Parse(stream);
Console.WriteLine(document.RootElement.ValueKind);
