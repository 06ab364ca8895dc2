namespace CloudIam.Pulumi.Json;

/// <summary>
/// Bounds on what a stack export or preview can make the readers do, so that a hostile file ends in
/// one located error instead of a stack overflow or gigabytes of memory.
/// </summary>
public static class JsonLimits
{
    /// <summary>Nested objects and lists; property values are read recursively, so this bounds the stack.</summary>
    public const int MaxDepth = 256;

    /// <summary>
    /// Bytes in one kept string (a URN, a type, a selected property value such as a kubeconfig); strings
    /// that are skipped unread are not bounded, they cost no more than the file.
    /// </summary>
    public const int MaxStringBytes = 1024 * 1024;
}
