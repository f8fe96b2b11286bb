namespace FhirEf.Core.Search.Syntax;

/// <summary>
/// One <c>name[:modifier][.chain]=value[,value…]</c> query parameter before binding: the values are
/// the OR alternatives, still escaped for <c>|</c> and <c>$</c>. For <c>_has</c>, <see cref="Modifier"/>
/// holds everything after <c>_has:</c>.
/// </summary>
public sealed record SearchParameterSyntax(string Name, string? Modifier, string? Chain, IReadOnlyList<string> Values)
{
    /// <summary>The parameter as written, for messages.</summary>
    public string Raw => Name + (Modifier is null ? string.Empty : ":" + Modifier) + (Chain is null ? string.Empty : "." + Chain);
}
