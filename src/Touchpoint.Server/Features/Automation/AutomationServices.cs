using Touchpoint.Server.Features.Cases;
using Touchpoint.Server.Features.Customers;

namespace Touchpoint.Server.Features.Automation;

/// <summary>Commitments, case rules and auto-assignment: their services, monitors and endpoints (decision 0015).</summary>
public static class AutomationServices
{
    public static IServiceCollection AddCaseAutomation(this IServiceCollection services) => services
        .AddSingleton<CaseRuleCache>()
        .AddScoped<CaseAutomation>()
        .AddSingleton<CommitmentMonitor>()
        .AddHostedService(sp => sp.GetRequiredService<CommitmentMonitor>())
        .AddSingleton<AutomationMonitor>()
        .AddHostedService(sp => sp.GetRequiredService<AutomationMonitor>())
        .AddCustomerTimelineSource<CommitmentTimelineSource>();

    public static void MapCaseAutomationApi(this IEndpointRouteBuilder app)
    {
        app.MapCommitmentApi();
        app.MapRuleApi();
        app.MapAssignmentApi();
    }
}
