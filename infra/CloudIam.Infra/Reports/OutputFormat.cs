namespace CloudIam.Infra.Reports;

public enum OutputFormat
{
    Text,
    Json,
    Markdown,
    Sarif,
    Junit,
    Codequality,
    Html,
}
