using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Touchpoint.Bench;

/// <summary>Resident memory of the server, in bytes, from /proc/&lt;pid&gt;/status.</summary>
public sealed record MemoryReading(long PeakBytes, long ResidentBytes);

/// <summary>
/// The real server as a separate process (its own GC, thread pool and CPU time, as in production) on a fresh data
/// folder. Disposing stops it and deletes the folder, also after a failure or Ctrl+C.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    public const string AdminUserName = "admin";
    private const string ProjectPath = "src/Touchpoint.Server";

    private readonly Process process;
    private readonly DirectoryInfo dataDirectory;
    // The last lines the server printed, shown when it fails to start or dies.
    private readonly ConcurrentQueue<string> outputTail = new();
    private Action<string>? log;

    public Uri BaseAddress { get; }
    public string AdminPassword { get; }
    public int Id => process.Id;
    /// <summary>The server's SQLite database (when it runs on SQLite).</summary>
    public string SqliteFile => Path.Combine(dataDirectory.FullName, "touchpoint.db");

    private ServerProcess(Process process, DirectoryInfo dataDirectory, Uri baseAddress, string adminPassword)
    {
        (this.process, this.dataDirectory, BaseAddress, AdminPassword) = (process, dataDirectory, baseAddress, adminPassword);
    }

    /// <summary>The repository root: the first folder upwards from here or from this program that holds the server project.</summary>
    public static string FindRepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, ProjectPath, "Touchpoint.Server.csproj"))) return dir.FullName;
        throw new InvalidOperationException($"No {ProjectPath} found above {Directory.GetCurrentDirectory()}; run from the repository or pass --server-dll.");
    }

    /// <summary>Builds the server in Release without the web app (the API is what is measured) and returns its dll.</summary>
    public static async Task<string> BuildAsync(string repositoryRoot, CancellationToken ct)
    {
        var build = Process.Start(new ProcessStartInfo("dotnet", ["build", "-c", "Release", ProjectPath, "-p:SkipWebBuild=true", "-nologo", "-v", "q"])
        {
            WorkingDirectory = repositoryRoot, RedirectStandardOutput = true, RedirectStandardError = true,
        })!;
        var output = Task.WhenAll(build.StandardOutput.ReadToEndAsync(ct), build.StandardError.ReadToEndAsync(ct));
        await build.WaitForExitAsync(ct);
        if (build.ExitCode != 0) throw new InvalidOperationException("Building the server failed:\n" + string.Concat(await output));
        var dll = Path.Combine(repositoryRoot, ProjectPath, "bin", "Release", "net10.0", "Touchpoint.Server.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("The build succeeded but left no server dll.", dll);
    }

    /// <summary>
    /// Starts the server on SQLite in its data folder, or on PostgreSQL when <paramref name="postgresConnectionString"/>
    /// is given. <paramref name="log"/> receives every line the server prints (null: kept only for error messages).
    /// </summary>
    public static async Task<ServerProcess> StartAsync(string serverDll, string? postgresConnectionString, Action<string>? log, CancellationToken ct)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("touchpoint-bench-");
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        var password = "Bench-" + RandomNumberGenerator.GetHexString(24, lowercase: true);
        var info = new ProcessStartInfo("dotnet", [serverDll, "--urls", baseAddress.ToString().TrimEnd('/')])
        {
            WorkingDirectory = Path.GetDirectoryName(serverDll)!, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        // Settings inherited from the caller's shell (another database, demo data, other limits) would skew the figures.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("TOUCHPOINT_", StringComparison.Ordinal)
                     || k.StartsWith("Database__", StringComparison.Ordinal) || k.StartsWith("ConnectionStrings__", StringComparison.Ordinal)
                     || k.StartsWith("RateLimits__", StringComparison.Ordinal) || k == "ASPNETCORE_URLS").ToList())
            info.Environment.Remove(key);
        info.Environment["TOUCHPOINT_DATA"] = dataDirectory.FullName;
        info.Environment["TOUCHPOINT_DEMO"] = "false";
        info.Environment["TOUCHPOINT_ADMIN_PASSWORD"] = password;
        // Per-address limits guard against guessing and scraping; the whole load comes from one address, so lift them.
        info.Environment["RateLimits__SignInPerMinute"] = "100000000";
        info.Environment["RateLimits__AnonymousPerMinute"] = "100000000";
        info.Environment["RateLimits__ChatMessagesPerMinute"] = "100000000";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        if (postgresConnectionString is not null)
        {
            info.Environment["Database__Provider"] = "Postgres";
            info.Environment["ConnectionStrings__Postgres"] = postgresConnectionString;
        }
        var server = new ServerProcess(new Process { StartInfo = info }, dataDirectory, baseAddress, password) { log = log };
        try
        {
            server.process.OutputDataReceived += (_, e) => server.Remember(e.Data);
            server.process.ErrorDataReceived += (_, e) => server.Remember(e.Data);
            server.process.Start();
            server.process.BeginOutputReadLine();
            server.process.BeginErrorReadLine();
            await server.WaitUntilHealthyAsync(TimeSpan.FromSeconds(90), ct);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    private async Task WaitUntilHealthyAsync(TimeSpan limit, CancellationToken ct)
    {
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < limit)
        {
            if (process.HasExited) throw new InvalidOperationException($"The server exited with code {process.ExitCode}:\n{Tail()}");
            try
            {
                using var response = await client.GetAsync("/health", ct);
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { } // not listening yet
            catch (TaskCanceledException) when (!ct.IsCancellationRequested) { }
            await Task.Delay(200, ct);
        }
        throw new TimeoutException($"GET /health did not answer 200 within {limit.TotalSeconds} s:\n{Tail()}");
    }

    /// <summary>
    /// Resets the peak (VmHWM) so the next reading is the peak of one scenario rather than of the whole run
    /// (writing 5 to clear_refs, Linux 4.0+). Returns false where that is not allowed; the peak is then cumulative.
    /// </summary>
    public bool TryResetPeakMemory()
    {
        try { File.WriteAllText($"/proc/{Id}/clear_refs", "5"); return true; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
    }

    public MemoryReading ReadMemory()
    {
        var lines = File.ReadAllLines($"/proc/{Id}/status");
        long Kilobytes(string field) => long.Parse(lines.First(l => l.StartsWith(field + ":", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        return new MemoryReading(Kilobytes("VmHWM"), Kilobytes("VmRSS"));
    }

    /// <summary>User plus system CPU time the server has used so far; the load generator shares the machine, so this separates the two.</summary>
    public TimeSpan CpuTime()
    {
        process.Refresh();
        return process.TotalProcessorTime;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (process.Id > 0 && !process.HasExited)
            {
                // SIGTERM first: the host shuts down cleanly and closes the database; kill only if it hangs.
                _ = Kill(process.Id, 15);
                using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                try { await process.WaitForExitAsync(grace.Token); }
                catch (OperationCanceledException) { process.Kill(entireProcessTree: true); await process.WaitForExitAsync(); }
            }
        }
        catch (InvalidOperationException) { } // never started
        finally
        {
            process.Dispose();
            try { dataDirectory.Delete(recursive: true); }
            catch (IOException e) { Console.Error.WriteLine($"Could not delete {dataDirectory.FullName}: {e.Message}"); }
        }
    }

    private void Remember(string? line)
    {
        if (line is null) return;
        log?.Invoke(line);
        outputTail.Enqueue(line);
        while (outputTail.Count > 40) outputTail.TryDequeue(out _);
    }

    private string Tail() => string.Join('\n', outputTail);

    private static int FreePort()
    {
        // The port is free when asked; the tiny window before the server binds it is an accepted risk for a benchmark.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // DllImport rather than LibraryImport: the latter needs unsafe code enabled for one call.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
