using FhirEf.Core.FhirPath;
using FhirEf.Core.FhirPath.Compilation;
using static FhirEf.Core.Tests.FhirPath.FhirPathTestData;

namespace FhirEf.Core.Tests.FhirPath;

/// <summary>Deep nesting is refused with a syntax error before it can exhaust the stack, at every stage.</summary>
public sealed class NestingLimitTests
{
    [Fact]
    public void Two_hundred_nested_parentheses_are_a_syntax_error_not_a_stack_overflow()
    {
        var error = Assert.Throws<FhirPathSyntaxException>(() => Evaluate(new string('(', 200) + "1" + new string(')', 200)));

        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void A_long_operator_chain_is_refused_when_compiled()
    {
        var chain = string.Join(" + ", Enumerable.Repeat("1", ExpressionCompiler.MaxTreeDepth + 10));

        var error = Assert.Throws<FhirPathSyntaxException>(() => Evaluate(chain));

        Assert.Contains("nests more than", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_but_allowed_chain_evaluates()
    {
        var chain = string.Join(" + ", Enumerable.Repeat("1", 150));

        Assert.Equal("[150]", EvaluateToJson(chain));
    }

    [Fact]
    public void A_long_path_of_members_is_refused_when_compiled() =>
        Assert.Throws<FhirPathSyntaxException>(() => Evaluate(string.Join('.', Enumerable.Repeat("a", 1000))));
}
