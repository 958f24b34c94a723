using Touchpoint.Server.Platform.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddTouchpoint();
var app = builder.Build();
app.UseTouchpoint();
app.Run();

/// <summary>Exposed for the integration tests' WebApplicationFactory.</summary>
public partial class Program;
