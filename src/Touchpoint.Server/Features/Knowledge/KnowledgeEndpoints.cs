using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Touchpoint.Server.Features.Search;
using Touchpoint.Server.Platform.Data;
using Touchpoint.Server.Platform.Http;
using Touchpoint.Server.Platform.Identity;
using Touchpoint.Server.Platform.Search;

namespace Touchpoint.Server.Features.Knowledge;

/// <summary>The knowledge base (decision 0014): staff read and write under /api/knowledge, the public reads the help centre.</summary>
public static class KnowledgeEndpoints
{
    public static IServiceCollection AddKnowledge(this IServiceCollection services) => services
        .AddSearchSource<ArticleSearchSource>()
        .AddSingleton<KnowledgeSearch>();

    public static void MapKnowledgeApi(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/knowledge").RequireAuthorization(Permissions.KnowledgeRead).WithTags("Knowledge");
        read.MapGet("/articles", KnowledgeQueries.List);
        read.MapGet("/articles/{id:guid}", KnowledgeQueries.Get);
        read.MapGet("/articles/{id:guid}/versions", KnowledgeQueries.Versions);
        read.MapGet("/articles/{id:guid}/versions/{number:int}", KnowledgeQueries.Version);
        read.MapGet("/articles/{id:guid}/diff", KnowledgeQueries.Diff);
        read.MapGet("/categories", KnowledgeQueries.Categories);
        read.MapGet("/search", Search);
        read.MapGet("/suggestions", KnowledgeSuggestions.Suggest);
        read.MapPost("/suggestions", KnowledgeSuggestions.SuggestForText);

        var write = app.MapGroup("/api/knowledge").RequireAuthorization(Permissions.KnowledgeWrite).WithTags("Knowledge");
        write.MapGet("/owners", ArticleOwners.List);
        write.MapPost("/articles", ArticleEditing.Create);
        write.MapPut("/articles/{id:guid}", ArticleEditing.Update);
        write.MapPost("/articles/{id:guid}/versions/{number:int}/restore", ArticleEditing.Restore);

        app.MapHelpCentreApi();
    }

    /// <summary>Validates a search box: words to search for, not too many.</summary>
    public static List<QueryTerm> QueryTerms(Validation v, string? q)
    {
        if (!v.Required("q", q, SearchEndpoints.MaxQueryLength)) return [];
        var terms = SearchTokenizer.Query(q);
        if (terms.Count == 0) v.Add("q", "validation.searchTerms");
        else if (terms.Count > SearchEndpoints.MaxTerms) v.Add("q", "validation.searchTooManyTerms", SearchEndpoints.MaxTerms);
        return terms;
    }

    /// <summary>Internal and published articles, the best first, in <paramref name="language"/> where a translation exists.</summary>
    /// <param name="language">The reader's language (default: the request's).</param>
    private static async Task<Results<Ok<ArticleSearchResult>, ValidationProblem>> Search(
        ClaimsPrincipal user, TouchpointDb db, KnowledgeSearch search, CancellationToken ct, string? q = null, string? language = null, int limit = 20)
    {
        var v = new Validation();
        var terms = QueryTerms(v, q);
        if (language is not null) v.Language("language", language);
        v.Range("limit", limit, 1, 50);
        if (!v.IsValid) return v.Problem();
        var audience = new ArticleAudience(true, await KnowledgeQueries.ReadableBranchesAsync(db, user, ct));
        return TypedResults.Ok(await search.SearchAsync(db, terms, KnowledgeSearch.LanguageOf(language), audience, limit, ct));
    }
}
