using Touchpoint.Assist.Learning;

namespace Touchpoint.Assist.Tests;

/// <summary>The public labelled sets in ../shared/datasets beside the repository (never copied into it).</summary>
public static class TestData
{
    public static bool IsCI => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string DatasetsDirectory => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "datasets"));

    public static bool DatasetsPresent => Directory.Exists(DatasetsDirectory);

    public static List<LabelledText> Read(string relativePath)
    {
        var path = Path.Combine(DatasetsDirectory, relativePath);
        if (!File.Exists(path)) throw new FileNotFoundException($"Dataset file {path} is missing: the floor tests need ../shared/datasets (see its SOURCES.md).");
        return LabelledTextFile.Read(path);
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Touchpoint.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Cannot find the repository root (Touchpoint.slnx) above " + AppContext.BaseDirectory);
    }
}

/// <summary>A test on the public dev splits: skipped when ../shared/datasets is missing, except under CI=true, where it then fails.</summary>
public sealed class DatasetFactAttribute : FactAttribute
{
    public DatasetFactAttribute()
    {
        if (!TestData.DatasetsPresent && !TestData.IsCI)
            Skip = $"No datasets at {TestData.DatasetsDirectory}: the dev-split floor tests need the shared labelled sets beside the repository.";
    }
}
