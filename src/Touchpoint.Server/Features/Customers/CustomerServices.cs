namespace Touchpoint.Server.Features.Customers;

public static class CustomerServices
{
    public static IServiceCollection AddCustomers(this IServiceCollection services)
    {
        services.AddSingleton<IdentifierVault>();
        services.AddSingleton<CustomerHistory>();
        services.AddSingleton<CustomerAccess>();
        services.AddSingleton<CustomerEditor>();
        services.AddSingleton<CustomerExporter>();
        services.AddSingleton<SegmentMembership>();
        services.AddSingleton<CustomerRetention>();
        // Scoped: it writes its audit entry through the request's AuditLog, in the same SaveChanges as the erasure.
        services.AddScoped<CustomerErasure>();
        services.AddScoped<CustomerMatcher>();
        services.AddHostedService<CustomerMaintenance>();
        return services.AddCustomerTimelineSource<ProfileTimelineSource>();
    }
}
