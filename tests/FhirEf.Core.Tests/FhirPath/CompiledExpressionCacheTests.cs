using FhirEf.Core.Definitions;
using FhirEf.Core.FhirPath.Compilation;
using FhirEf.Core.FhirPath.Evaluation;
using static FhirEf.Core.Tests.FhirPath.FhirPathTestData;

namespace FhirEf.Core.Tests.FhirPath;

/// <summary>Each expression text is compiled once per compiler; compiled expressions are shared between threads.</summary>
public sealed class CompiledExpressionCacheTests
{
    [Fact]
    public void The_same_text_gives_the_same_compiled_expression()
    {
        var compiler = new FhirPathCompiler(FhirDefinitions.R4.Structures);

        var first = compiler.Compile("Patient.name.given");
        var second = compiler.Compile("Patient.name.given");

        Assert.Same(first, second);
        Assert.Equal(1, compiler.CachedCount);
    }

    [Fact]
    public void Different_texts_are_compiled_separately()
    {
        var compiler = new FhirPathCompiler(FhirDefinitions.R4.Structures);

        Assert.NotSame(compiler.Compile("name"), compiler.Compile("name "));
        Assert.Equal(2, compiler.CachedCount);
    }

    [Fact]
    public void The_cache_never_grows_past_its_limit()
    {
        var compiler = new FhirPathCompiler(structures: null);

        for (var i = 0; i <= FhirPathCompiler.MaxCachedExpressions; i++)
        {
            compiler.Compile($"{i} + 1");
        }

        Assert.InRange(compiler.CachedCount, 1, FhirPathCompiler.MaxCachedExpressions);
    }

    [Fact]
    public void Concurrent_compilation_and_evaluation_agree()
    {
        var compiler = new FhirPathCompiler(FhirDefinitions.R4.Structures);
        var patient = Input("patient-example.json");
        var expressions = new[] { "Patient.name.given.join(',')", "Patient.telecom.where(use = 'home').count()", "Patient.birthDate + 1 year", "Patient.name.select(given | family).distinct().count()" };
        var expected = expressions.Select(e => FhirPathFormatting.Describe(compiler.Compile(e).Evaluate(patient))).ToArray();

        var results = new string[400];
        Parallel.For(0, results.Length, i =>
        {
            var shared = new FhirPathCompiler(FhirDefinitions.R4.Structures);
            var compiled = (i % 2 == 0 ? compiler : shared).Compile(expressions[i % expressions.Length]);
            results[i] = FhirPathFormatting.Describe(compiled.Evaluate(patient));
        });

        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal(expected[i % expressions.Length], results[i]);
        }
    }
}
