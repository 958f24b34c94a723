using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Touchpoint.Mail;
using Touchpoint.Mail.Bench;

const string usage = """
    usage: dotnet run -c Release --project bench/Touchpoint.Mail.Bench -- [--seconds N] [--no-readme]
      --seconds N   measured seconds per message (default 5, in five rounds; the best counts), after a warm-up of two seconds
      --no-readme   print the table only; otherwise the mail section of bench/README.md is rewritten
    """;

double seconds = 5;
bool writeReadme = true;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--seconds" when i + 1 < args.Length && double.TryParse(args[i + 1], CultureInfo.InvariantCulture, out seconds): i++; break;
        case "--no-readme": writeReadme = false; break;
        default:
            Console.Error.WriteLine($"unknown or incomplete option {args[i]}\n{usage}");
            return 2;
    }
}

var load = new StringBuilder(LoadAverage());
var rows = new List<string>();
foreach (var (name, message) in BenchMessages.All())
{
    var result = Measure(message, seconds);
    var row = string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {message.Length / 1024.0:N0} KB | {result.PerSecond:N0} | {result.PerSecond * message.Length / 1e6:N1} | {result.AllocatedPerMessage / 1024.0:N0} KB | {result.AllocatedPerMessage / (double)message.Length:0.0} |");
    Console.WriteLine(row);
    rows.Add(row);
}
load.Append(" at the start, ").Append(LoadAverage()).Append(" at the end");

var table = "| message | size | messages/s (1 thread) | MB/s | allocated per message | allocated / size |\n|---|--:|--:|--:|--:|--:|\n" + string.Join('\n', rows) + "\n";
Console.WriteLine();
Console.WriteLine(table);
if (writeReadme)
{
    var command = "dotnet run -c Release --project bench/Touchpoint.Mail.Bench" + (args.Length > 0 ? " -- " + string.Join(' ', args) : "");
    var section = $"""
        <!-- mail:start -->
        - Date: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC
        - Machine: {Machine()}; load average {load}
        - Command: `{command}`
        - `MailParser.Parse` on one thread in a loop, five rounds of {(seconds / 5).ToString(CultureInfo.InvariantCulture)} s after a warm-up, the best round; allocations from `GC.GetAllocatedBytesForCurrentThread`. The messages are written by `MimeWriter` (see `BenchMessages.cs`).

        {table}<!-- mail:end -->
        """;
    var readme = Path.Combine(RepositoryRoot(), "bench", "README.md");
    var text = File.ReadAllText(readme);
    int start = text.IndexOf("<!-- mail:start -->", StringComparison.Ordinal);
    int end = text.IndexOf("<!-- mail:end -->", StringComparison.Ordinal);
    text = start >= 0 && end > start
        ? string.Concat(text.AsSpan(0, start), section, text.AsSpan(end + "<!-- mail:end -->".Length))
        : text.TrimEnd() + "\n\n## Mail\n\n" + section + "\n";
    File.WriteAllText(readme, text);
    Console.WriteLine($"updated {readme}");
}
return 0;

// The machine is shared: five rounds after a warm-up that lets tiered compilation finish, and the best round counts,
// as the one least disturbed by other work. Allocations are the same in every round.
static (double PerSecond, long AllocatedPerMessage) Measure(byte[] message, double seconds)
{
    var warmUp = Stopwatch.StartNew();
    while (warmUp.Elapsed.TotalSeconds < 2) Consume(MailParser.Parse(message));
    double best = 0;
    long allocatedPerMessage = 0;
    for (int round = 0; round < 5; round++)
    {
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        long count = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds / 5)
        {
            Consume(MailParser.Parse(message));
            count++;
        }
        best = Math.Max(best, count / clock.Elapsed.TotalSeconds);
        allocatedPerMessage = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / count;
    }
    return (best, allocatedPerMessage);
}

// Keeps the result observable so that nothing is optimised away, and fails loudly if a bench message stops parsing.
static void Consume(ParsedMail mail)
{
    if (mail.CouldNotParse || mail.Problems.Count > 0) throw new InvalidOperationException("bench message did not parse cleanly: " + string.Join("; ", mail.Problems));
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

static string Machine()
{
    var cpu = File.Exists("/proc/cpuinfo")
        ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
        : null;
    return $"{cpu ?? RuntimeInformation.ProcessArchitecture.ToString()}, {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}";
}

static string RepositoryRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "Touchpoint.slnx"))) return dir.FullName;
    throw new InvalidOperationException("no Touchpoint.slnx above " + AppContext.BaseDirectory);
}
