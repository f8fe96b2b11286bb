using FhirEf.Core.FhirPath;
using FhirEf.Core.FhirPath.Syntax;

namespace FhirEf.Core.Tests.FhirPath.Syntax;

public sealed class FhirPathParserTests
{
    [Theory]
    [InlineData("1 + 2 * 3 + 4", "((1 + (2 * 3)) + 4)")]
    [InlineData("a | b = c", "((a | b) = c)")]
    [InlineData("a = b and c != d or e implies f", "((((a = b) and (c != d)) or e) implies f)")]
    [InlineData("1 > 2 is Boolean", "(1 > (2 is Boolean))")]
    [InlineData("(1 | 1 is Integer).count()", "(1 | (1 is Integer)).count()")]
    [InlineData("true and '0215' in ('0215' | '0216')", "(true and ('0215' in ('0215' | '0216')))")]
    [InlineData("-Patient.name.given.count() = -5", "(-Patient.name.given.count() = -5)")]
    [InlineData("-1.convertsToInteger()", "-1.convertsToInteger()")]
    [InlineData("a xor b or c", "((a xor b) or c)")]
    [InlineData("x contains y and z", "((x contains y) and z)")]
    [InlineData("5 div 2 mod 3 & 'x'", "(((5 div 2) mod 3) & 'x')")]
    public void Operators_bind_by_the_specification_precedence(string expression, string structure) =>
        Assert.Equal(structure, FhirPathParser.Parse(expression).ToString());

    [Theory]
    [InlineData("Observation.value as Quantity", "(Observation.value as Quantity)")]
    [InlineData("value is FHIR.Quantity", "(value is FHIR.Quantity)")]
    [InlineData("true is System.Boolean", "(true is System.Boolean)")]
    [InlineData("Patient.is(FHIR.`Patient`)", "Patient.is(FHIR.Patient)")]
    [InlineData("name.`given`", "name.given")]
    [InlineData("Message.`PID-1`", "Message.`PID-1`")]
    [InlineData("Patient.name[0].given", "Patient.name[0].given")]
    [InlineData("text.`div`", "text.div")]
    [InlineData("%`vs-administrative-gender`", "%`vs-administrative-gender`")]
    [InlineData("%'us-zip'", "%`us-zip`")]
    [InlineData("$this.length() - 3", "($this.length() - 3)")]
    [InlineData("{}.empty()", "{}.empty()")]
    public void Paths_types_and_variables_parse(string expression, string structure) =>
        Assert.Equal(structure, FhirPathParser.Parse(expression).ToString());

    [Theory]
    [InlineData("@2015-02-04", LiteralKind.Date, "2015-02-04")]
    [InlineData("@2015", LiteralKind.Date, "2015")]
    [InlineData("@2015T", LiteralKind.DateTime, "2015T")]
    [InlineData("@2015-02-04T14:34:28.123+10:00", LiteralKind.DateTime, "2015-02-04T14:34:28.123+10:00")]
    [InlineData("@2015-02-04T14:34:28Z", LiteralKind.DateTime, "2015-02-04T14:34:28Z")]
    [InlineData("@T14:34", LiteralKind.Time, "14:34")]
    [InlineData("1.50", LiteralKind.Decimal, "1.50")]
    [InlineData("7", LiteralKind.Integer, "7")]
    [InlineData("'it\\'s \\u0041'", LiteralKind.String, "it's A")]
    [InlineData("'\\p\\\\'", LiteralKind.String, "p\\")]
    public void Literals_keep_their_kind_and_text(string expression, LiteralKind kind, string text)
    {
        var literal = Assert.IsType<LiteralExpression>(FhirPathParser.Parse(expression));

        Assert.Equal(kind, literal.Kind);
        Assert.Equal(text, literal.Text);
    }

    [Theory]
    [InlineData("4 days", "4", "days", true)]
    [InlineData("10.1 'mg'", "10.1", "mg", false)]
    [InlineData("1 'wk'", "1", "wk", false)]
    public void Quantities_are_a_number_and_a_unit(string expression, string number, string unit, bool calendar) =>
        Assert.Equal(new QuantityLiteralExpression(number, unit, calendar, 0), FhirPathParser.Parse(expression));

    [Theory]
    [InlineData("2 + 2 // comment + 4", "(2 + 2)")]
    [InlineData("2 + /* inline $@%^+ * */ 2", "(2 + 2)")]
    [InlineData("2 // comment\n/ 2", "(2 / 2)")]
    public void Comments_are_ignored(string expression, string structure) =>
        Assert.Equal(structure, FhirPathParser.Parse(expression).ToString());

    [Theory]
    [InlineData("2 + 2 /", 1, 8)]
    [InlineData("2 + 2 /* not finished", 1, 7)]
    [InlineData("name.given(", 1, 12)]
    [InlineData("'unterminated", 1, 1)]
    [InlineData("a.\n  .b", 2, 3)]
    [InlineData("Patient.name)", 1, 13)]
    [InlineData("1 + and", 1, 5)]
    [InlineData("{1}", 1, 2)]
    [InlineData("", 1, 1)]
    [InlineData("a ! b", 1, 3)]
    public void Invalid_syntax_reports_where_it_is(string expression, int line, int column)
    {
        var error = Assert.Throws<FhirPathSyntaxException>(() => FhirPathParser.Parse(expression));

        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Contains($"line {line}, column {column}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_hundred_nested_parentheses_are_refused_with_a_syntax_error()
    {
        var expression = new string('(', 200) + "1" + new string(')', 200);

        var error = Assert.Throws<FhirPathSyntaxException>(() => FhirPathParser.Parse(expression));

        Assert.Contains("nests more than", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Fifty_nested_parentheses_parse()
    {
        var expression = new string('(', 50) + "1" + new string(')', 50);

        Assert.Equal("1", FhirPathParser.Parse(expression).ToString());
    }

    [Fact]
    public void Deeply_nested_function_arguments_are_refused_with_a_syntax_error()
    {
        var expression = string.Concat(Enumerable.Repeat("where(", 300)) + "true" + new string(')', 300);

        Assert.Throws<FhirPathSyntaxException>(() => FhirPathParser.Parse(expression));
    }
}
