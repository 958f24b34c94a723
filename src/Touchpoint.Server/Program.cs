using Touchpoint.Server.Platform.Hosting;

// Settings files live next to the program; the working directory is only where ./data goes.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddTouchpoint();
var app = builder.Build();
app.UseTouchpoint();
app.Run();

/// <summary>Exposed for the integration tests' WebApplicationFactory.</summary>
public partial class Program;
