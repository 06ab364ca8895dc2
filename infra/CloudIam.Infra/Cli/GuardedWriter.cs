using System.Text;
using CloudIam.Placement;

namespace CloudIam.Infra.Cli;

/// <summary>
/// A standard stream that reports a failed write (a full disk, a closed pipe) as what it is, an
/// environment problem the user can fix (exit 2), rather than as an internal error.
/// </summary>
public sealed class GuardedWriter(TextWriter inner, string name) : TextWriter
{
    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value) => Guard(() => inner.Write(value));

    public override void Write(string? value) => Guard(() => inner.Write(value));

    public override void Write(char[] buffer, int index, int count) => Guard(() => inner.Write(buffer, index, count));

    public override void WriteLine(string? value) => Guard(() => inner.WriteLine(value));

    public override void Flush() => Guard(inner.Flush);

    private void Guard(Action write)
    {
        try
        {
            write();
        }
        catch (IOException e)
        {
            throw new BadInputException(name, $"cannot write: {e.Message}");
        }
    }
}
