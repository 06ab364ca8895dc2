namespace CloudIam.Infra.Reports.Check;

/// <summary>
/// Picks the renderer of a policy verdict: for people (text, markdown, html) and for CI systems (json,
/// sarif for code scanning, junit for test reports, codequality for GitLab merge-request widgets).
/// </summary>
public static class CheckFormatter
{
    public static string Format(CheckedDesign checkedDesign, OutputFormat format, InstanceListing listing = InstanceListing.Summary) => format switch
    {
        OutputFormat.Text => CheckText.Render(checkedDesign.Report, checkedDesign.Sources),
        OutputFormat.Json => ReportJson.Serialize(CheckJson.Of(checkedDesign.Report, listing)),
        OutputFormat.Markdown => CheckMarkdown.Render(checkedDesign.Report),
        OutputFormat.Html => CheckHtml.Render(checkedDesign),
        OutputFormat.Sarif => ReportJson.Serialize(CheckSarif.Of(checkedDesign.Report, checkedDesign.Location)),
        OutputFormat.Junit => CheckJunit.Render(checkedDesign.Report),
        OutputFormat.Codequality => ReportJson.Serialize(CheckCodeQuality.Of(checkedDesign.Report, checkedDesign.Location)),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };
}
