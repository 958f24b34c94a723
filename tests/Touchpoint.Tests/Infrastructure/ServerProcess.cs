using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Touchpoint.Tests.Infrastructure;

/// <summary>
/// A real Touchpoint server in its own process (the built Touchpoint.Server.dll), for what one process cannot prove:
/// several nodes sharing one PostgreSQL database.
/// </summary>
public sealed class ServerProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly string dataDirectory = Directory.CreateTempSubdirectory("touchpoint-node-").FullName;
    public Uri BaseAddress { get; }

    private ServerProcess(IReadOnlyDictionary<string, string> environment)
    {
        var port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        var info = new ProcessStartInfo("dotnet", [ServerDll(), "--urls", BaseAddress.ToString()])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        info.Environment["TOUCHPOINT_DATA"] = dataDirectory;
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (k, v) in environment) info.Environment[k] = v;
        process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public static async Task<ServerProcess> StartAsync(IReadOnlyDictionary<string, string> environment)
    {
        var server = new ServerProcess(environment);
        using var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (server.process.HasExited) throw new InvalidOperationException("The server exited:\n" + server.Output);
            try
            {
                if ((await http.GetAsync("/health")).StatusCode == HttpStatusCode.OK) return server;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        server.Dispose();
        throw new TimeoutException("The server did not become healthy:\n" + server.Output);
    }

    public string Output { get { lock (output) return output.ToString(); } }

    private static string ServerDll()
    {
        // Tests run from tests/Touchpoint.Tests/bin/<Configuration>/net10.0; the server builds next to its own project.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var dll = Path.Combine(TestEnvironment.RepositoryRoot, "src", "Touchpoint.Server", "bin", configuration, "net10.0", "Touchpoint.Server.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the server first", dll);
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
        process.Dispose();
        try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { }
    }
}
