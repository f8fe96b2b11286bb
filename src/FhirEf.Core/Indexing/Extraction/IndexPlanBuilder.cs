using System.Text.RegularExpressions;
using FhirEf.Core.Definitions;
using FhirEf.Core.FhirPath;
using FhirEf.Core.FhirPath.Compilation;
using FhirEf.Core.Schema;
using FhirEf.Core.Schema.Storage;

namespace FhirEf.Core.Indexing.Extraction;

/// <summary>
/// Prepares the <see cref="IndexPlan"/> of a resource type: every parameter storage keeps (its strategy is
/// not <see cref="UnsupportedStorage"/>; <c>_text</c> and <c>_content</c> come from the narrative and the
/// content text instead of an expression) and every parameter a compartment names, each with its
/// expression pruned to the branches for this type (<see cref="UnionBranchPruner"/>) and compiled.
/// </summary>
internal sealed class IndexPlanBuilder
{
    /// <summary>CompartmentDefinition's marker for "the compartment's own resource".</summary>
    private const string Self = "{def}";

    private static readonly Regex SystemPrimitiveTypeTest = new(
        @"(?<test>\b(?:as|is|ofType)(?:\(\s*|\s+))(?<type>DateTime|Date|String|Boolean|Integer|Decimal|Time)\b",
        RegexOptions.CultureInvariant);

    private readonly FhirDefinitions _definitions;
    private readonly FhirSchema _schema;
    private readonly FhirPathCompiler _compiler;

    public IndexPlanBuilder(FhirDefinitions definitions, FhirSchema schema, FhirPathCompiler compiler)
    {
        _definitions = definitions;
        _schema = schema;
        _compiler = compiler;
    }

    public IndexPlan Build(string resourceType)
    {
        var table = _schema.TryGetResource(resourceType, out var resource) ? resource : null;
        var compartmentParameters = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, codes) in _definitions.Compartments.For(resourceType))
        {
            compartmentParameters.UnionWith(codes);
        }

        var plans = new List<ParameterPlan>();
        var issues = new List<PlanIssue>();
        var narrative = false;
        var content = false;
        foreach (var parameter in _definitions.SearchParameters.ForResource(resourceType).Values.OrderBy(p => p.Code, StringComparer.Ordinal))
        {
            SearchParameterStorage? storage = null;
            table?.TryGetStorage(parameter.Code, out storage);
            if (storage is FullTextStorage)
            {
                narrative |= parameter.Code == "_text";
                content |= parameter.Code == "_content";
                continue;
            }

            var stored = storage is not null and not UnsupportedStorage;
            if (parameter.Expression is null || (!stored && !compartmentParameters.Contains(parameter.Code)))
            {
                continue;
            }

            try
            {
                var branches = UnionBranchPruner.Branches(FhirSystemTypeNames(parameter.Expression), resourceType, _definitions.Structures);
                if (branches.Count == 0)
                {
                    continue; // none of the branches is about this type
                }

                List<CompositeComponentPlan> components = [];
                if (parameter.Type == SearchParamType.Composite && !TryBuildComponents(parameter, components, out var problem))
                {
                    issues.Add(new PlanIssue(parameter.Code, problem));
                    continue;
                }

                plans.Add(new ParameterPlan(parameter, Plan(branches), stored, components));
            }
            catch (FhirPathSyntaxException e)
            {
                issues.Add(new PlanIssue(parameter.Code, e.Message));
            }
        }

        return new IndexPlan(resourceType, plans, BuildCompartments(resourceType, plans), narrative, content, issues);
    }

    /// <summary>The components of a composite, each with its own parameter (R4 search §3.1.1.4.17); false with the reason when one cannot be extracted.</summary>
    private bool TryBuildComponents(SearchParameterInfo composite, List<CompositeComponentPlan> components, out string problem)
    {
        problem = string.Empty;
        foreach (var component in composite.Components)
        {
            if (!_definitions.SearchParameters.TryGetByUrl(component.Definition, out var parameter))
            {
                problem = $"component '{component.Definition}' is not a known SearchParameter";
                return false;
            }

            if (parameter.Type is SearchParamType.Composite or SearchParamType.Special)
            {
                problem = $"component '{component.Definition}' is a {parameter.Type} parameter";
                return false;
            }

            var branches = UnionBranchPruner.Branches(FhirSystemTypeNames(component.Expression), null, _definitions.Structures);
            components.Add(new CompositeComponentPlan(parameter, Plan(branches)));
        }

        if (components.Count == 0)
        {
            problem = "the composite parameter has no components";
            return false;
        }

        return true;
    }

    private PlannedExpression Plan(IReadOnlyList<string> branches) =>
        new([.. branches.Select(branch => PlannedBranch.Create(_compiler.Compile(branch), _definitions.Structures))]);

    /// <summary>
    /// R4 writes the date component of Observation <c>code-value-date</c> as <c>value.as(DateTime) |
    /// value.as(Period)</c>. Unqualified, <c>DateTime</c> is the System type (FHIRPath N1 §Models: FHIR has
    /// no type of that name), which no FHIR <c>dateTime</c> element is, so the tuple would never hold a
    /// dateTime; the intent is the FHIR primitive, as in the parameter <c>value-date</c> itself
    /// (<c>Observation.value as dateTime</c>). Type tests on System primitive names are read as the FHIR
    /// primitive of the same name.
    /// </summary>
    private static string FhirSystemTypeNames(string expression) =>
        SystemPrimitiveTypeTest.Replace(expression, match => match.Groups["test"].Value + char.ToLowerInvariant(match.Groups["type"].Value[0]) + match.Groups["type"].Value[1..]);

    private List<CompartmentRule> BuildCompartments(string resourceType, List<ParameterPlan> plans)
    {
        var rules = new List<CompartmentRule>();
        foreach (var compartment in _definitions.Compartments.All)
        {
            var indexes = new List<int>();
            var includesSelf = compartment.Code == resourceType;
            if (compartment.ParametersByResource.TryGetValue(resourceType, out var codes))
            {
                foreach (var code in codes)
                {
                    includesSelf |= code == Self;
                    var index = plans.FindIndex(p => p.Code == code);
                    if (index >= 0 && plans[index].Type == SearchParamType.Reference)
                    {
                        indexes.Add(index);
                    }
                }
            }

            if (indexes.Count > 0 || includesSelf)
            {
                rules.Add(new CompartmentRule(compartment.Code, indexes, includesSelf));
            }
        }

        return rules;
    }
}
