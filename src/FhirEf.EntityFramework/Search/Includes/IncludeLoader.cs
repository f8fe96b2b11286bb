using System.Linq.Expressions;
using FhirEf.Core.Definitions;
using FhirEf.Core.Errors;
using FhirEf.Core.Schema;
using FhirEf.Core.Search.Syntax;
using FhirEf.EntityFramework.Search.Translation;
using FhirEf.EntityFramework.Storage;
using Microsoft.EntityFrameworkCore;

namespace FhirEf.EntityFramework.Search.Includes;

/// <summary>
/// <c>_include</c> and <c>_revinclude</c> (R4 search §3.1.1.5.4): every include of a round is one query
/// (a UNION ALL of one branch per include and target type) over the references tables, so a page costs
/// one round trip for its matches and one per include round, whatever the page size. <c>:iterate</c>
/// repeats rounds on the newly included resources, never revisiting one (cycles end), up to a depth.
/// </summary>
internal sealed class IncludeLoader(FhirDbContext context, FhirDefinitions definitions, FhirSchema schema, SearchOptions options)
{
    public async Task<List<SearchRow>> LoadAsync(
        IReadOnlyList<SearchRow> matches,
        IReadOnlyList<IncludeSyntax> includes,
        IReadOnlyList<IncludeSyntax> revIncludes,
        CancellationToken cancellationToken)
    {
        var seen = new HashSet<(string, string)>(matches.Select(m => (m.ResourceType, m.Id)));
        var result = new List<SearchRow>();
        var frontier = matches.ToList();
        for (var round = 0; frontier.Count > 0 && round < options.MaxIncludeDepth && result.Count < options.MaxIncludes; round++)
        {
            var first = round == 0;
            var branches = new List<IQueryable<SearchRow>>();
            foreach (var group in frontier.GroupBy(r => r.ResourceType))
            {
                var ids = group.Select(r => r.Id).Distinct().ToArray();
                foreach (var include in includes.Where(i => (first || i.Iterate) && (i.SourceType == group.Key || i.IsWildcard)))
                {
                    branches.AddRange(await ForwardAsync(group.Key, ids, include, cancellationToken));
                }

                foreach (var include in revIncludes.Where(i => (first || i.Iterate) && (i.TargetType is null || i.TargetType == group.Key)))
                {
                    branches.AddRange(Reverse(group.Key, ids, include));
                }
            }

            if (branches.Count == 0)
            {
                break;
            }

            var rows = await branches.Aggregate((a, b) => a.Concat(b))
                .Take(options.MaxIncludes - result.Count + 1)
                .ToListAsync(cancellationToken);
            frontier = [.. rows.Where(r => seen.Add((r.ResourceType, r.Id)))];
            result.AddRange(frontier);
        }

        return result.Count > options.MaxIncludes ? result[..options.MaxIncludes] : result;
    }

    private async Task<IEnumerable<IQueryable<SearchRow>>> ForwardAsync(string sourceType, string[] ids, IncludeSyntax include, CancellationToken cancellationToken)
    {
        string? code = null;
        IReadOnlyList<string> targets;
        if (include.IsWildcard)
        {
            targets = await context.Table(SchemaNames.ReferencesTable(sourceType))
                .Where(f => ids.Contains(EF.Property<string>(f, FixedColumns.ResourceId)))
                .Select(f => EF.Property<string>(f, FixedColumns.TargetType))
                .Distinct()
                .ToListAsync(cancellationToken);
        }
        else
        {
            var parameter = Reference(sourceType, include, "_include");
            code = parameter.Code;
            targets = include.TargetType is { } type ? [type] : parameter.Targets;
        }

        return targets.Where(t => schema.TryGetResource(t, out _)).Select(target => Rows(target, t =>
            context.Table(SchemaNames.ReferencesTable(sourceType)).Any(f =>
                ids.Contains(EF.Property<string>(f, FixedColumns.ResourceId))
                && (code == null || EF.Property<string>(f, FixedColumns.Code) == code)
                && EF.Property<string>(f, FixedColumns.TargetType) == target
                && EF.Property<string>(f, FixedColumns.TargetId) == EF.Property<string>(t, FixedColumns.Id))));
    }

    private IEnumerable<IQueryable<SearchRow>> Reverse(string targetType, string[] ids, IncludeSyntax include)
    {
        var parameter = Reference(include.SourceType, include, "_revinclude");
        var code = parameter.Code;
        var sourceType = include.SourceType;
        yield return Rows(sourceType, s =>
            context.Table(SchemaNames.ReferencesTable(sourceType)).Any(f =>
                EF.Property<string>(f, FixedColumns.ResourceId) == EF.Property<string>(s, FixedColumns.Id)
                && EF.Property<string>(f, FixedColumns.Code) == code
                && EF.Property<string>(f, FixedColumns.TargetType) == targetType
                && ids.Contains(EF.Property<string>(f, FixedColumns.TargetId))));
    }

    private SearchParameterInfo Reference(string sourceType, IncludeSyntax include, string name)
    {
        if (!definitions.Structures.IsConcreteResourceType(sourceType)
            || !definitions.SearchParameters.TryGet(sourceType, include.Parameter, out var parameter)
            || parameter.Type != SearchParamType.Reference)
        {
            throw new InvalidSearchException(name, include.ToString(), $"'{include.Parameter}' is not a reference parameter of {sourceType}.");
        }

        return parameter;
    }

    private IQueryable<SearchRow> Rows(string resourceType, Expression<Func<Dictionary<string, object>, bool>> predicate)
    {
        var order = TypeOrder(resourceType);
        return context.Table(resourceType)
            .Where(r => !EF.Property<bool>(r, FixedColumns.Deleted))
            .Where(predicate)
            .Select(r => new SearchRow
            {
                ResourceType = resourceType,
                TypeOrder = order,
                Id = EF.Property<string>(r, FixedColumns.Id),
                VersionId = EF.Property<int>(r, FixedColumns.VersionId),
                LastUpdated = EF.Property<DateTime>(r, FixedColumns.LastUpdated),
                Content = EF.Property<string?>(r, FixedColumns.Content),
            });
    }

    private int TypeOrder(string resourceType)
    {
        for (var i = 0; i < schema.Resources.Count; i++)
        {
            if (schema.Resources[i].ResourceType == resourceType)
            {
                return i;
            }
        }

        return -1;
    }
}
