using Touchpoint.Server.Platform.Hosting;

// `assist train|eval ...` runs the assist models' command line instead of the web server (see Touchpoint.Assist).
if (args is ["assist", ..]) { Environment.ExitCode = Touchpoint.Assist.Cli.AssistCommandLine.Run(args[1..], Console.Out); return; }

// Settings files live next to the program; the working directory is only where ./data goes.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddTouchpoint();
var app = builder.Build();
app.UseTouchpoint();
app.Run();

/// <summary>Exposed for the integration tests' WebApplicationFactory.</summary>
public partial class Program;
