namespace Touchpoint.Tests.Infrastructure;

/// <summary>What the machine offers the tests: a PostgreSQL server and a Chromium, or not.</summary>
public static class TestEnvironment
{
    /// <summary>Under CI a missing PostgreSQL or Chromium fails the run instead of skipping.</summary>
    public static bool IsCI => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>A connection string to a server where tests may create and drop databases (.ci/postgres.sh starts one).</summary>
    public static string? PostgresConnectionString =>
        Environment.GetEnvironmentVariable("TOUCHPOINT_TEST_POSTGRES") is { Length: > 0 } cs ? cs : null;

    public static string? ChromiumPath =>
        Environment.GetEnvironmentVariable("TOUCHPOINT_CHROMIUM") is { Length: > 0 } p ? p
        : new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Touchpoint.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Cannot find the repository root (Touchpoint.slnx) above " + AppContext.BaseDirectory);
    }
}

/// <summary>A test that needs PostgreSQL: skipped without one, except under CI where it then fails.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestEnvironment.PostgresConnectionString is null && !TestEnvironment.IsCI)
            Skip = "No PostgreSQL: install it (apt-get install postgresql) and run ./test.sh, or set TOUCHPOINT_TEST_POSTGRES.";
    }
}

/// <summary>A test that drives Chromium: skipped without one, except under CI where it then fails.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (TestEnvironment.ChromiumPath is null && !TestEnvironment.IsCI)
            Skip = "No Chromium: install it (apt-get install chromium fonts-noto-cjk) to run the browser tests.";
    }
}
