using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Touchpoint.Server.Platform.Localization;

namespace Touchpoint.Server.Platform.Http;

/// <summary>Problem details (RFC 9457) with titles and details in the request's language.</summary>
public static class Problems
{
    private static readonly Dictionary<int, (string Title, string Detail)> Defaults = new()
    {
        [400] = ("problem.badRequest", "problem.badRequest"),
        [401] = ("problem.unauthorized", "problem.unauthorized"),
        [403] = ("problem.forbidden", "problem.forbidden"),
        [404] = ("problem.notFound", "problem.notFound"),
        [409] = ("problem.conflict", "problem.conflict"),
        [429] = ("problem.tooManyRequests", "problem.tooManyRequests"),
        [500] = ("problem.server", "problem.server"),
    };

    public static ProblemDetails Create(int status, string? titleKey = null, string? detailKey = null, params object?[] args)
    {
        var defaults = Defaults.GetValueOrDefault(status, ("problem.badRequest", "problem.badRequest"));
        return new ProblemDetails
        {
            Status = status,
            Title = Messages.Get(titleKey ?? defaults.Item1),
            Detail = Messages.Get(detailKey ?? defaults.Item2, args),
        };
    }

    public static ProblemHttpResult Result(int status, string? titleKey = null, string? detailKey = null, params object?[] args) =>
        TypedResults.Problem(Create(status, titleKey, detailKey, args));

    public static ProblemHttpResult NotFound() => Result(StatusCodes.Status404NotFound);
    public static ProblemHttpResult Forbidden() => Result(StatusCodes.Status403Forbidden);

    public static Task Write(HttpContext ctx, int status, string? titleKey = null, string? detailKey = null, params object?[] args)
    {
        var problem = Create(status, titleKey, detailKey, args);
        ctx.Response.StatusCode = status;
        return ctx.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = ctx, ProblemDetails = problem }).AsTask();
    }
}
