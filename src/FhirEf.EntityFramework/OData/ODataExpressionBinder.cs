using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using FhirEf.Core.Reporting;
using FhirEf.EntityFramework.Search.Translation;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.OData.Edm;
using Microsoft.OData.UriParser;

namespace FhirEf.EntityFramework.OData;

/// <summary>
/// Binds ODataUriParser's semantic tree (<c>$filter</c>, <c>$orderby</c>, <c>groupby</c> keys) to a LINQ
/// expression over a property-bag row (<c>EF.Property&lt;T&gt;(row, "column")</c>), which EF Core translates
/// to SQL. EDM property names are column names (see the admin EDM builder). Constants become query
/// parameters (<see cref="Columns.Value{T}"/>), so the SQL never carries request values. Anything without a
/// faithful SQL translation is rejected with <see cref="InvalidReportingQueryException"/>, never evaluated in memory.
/// </summary>
internal sealed partial class ODataExpressionBinder
{
    private static readonly MethodInfo ValueMethod = typeof(Columns).GetMethod(nameof(Columns.Value))!;

    private readonly IEntityType _entity;
    private readonly Dictionary<string, ParameterExpression> _ranges = new(StringComparer.Ordinal);
    private readonly int _maxNodes;
    private int _nodes;

    public ODataExpressionBinder(IEntityType entity, ParameterExpression row, int maxNodes)
    {
        _entity = entity;
        Row = row;
        _maxNodes = maxNodes;
    }

    /// <summary>The row parameter the bound expressions read.</summary>
    public ParameterExpression Row { get; }

    /// <summary><c>row =&gt; predicate</c>.</summary>
    public Expression<Func<Dictionary<string, object>, bool>> Predicate(SingleValueNode node) =>
        Expression.Lambda<Func<Dictionary<string, object>, bool>>(AsBool(Bind(node)), Row);

    /// <summary>A column of the row, typed as the model types it.</summary>
    public Expression Column(string name)
    {
        var property = _entity.FindProperty(name)
            ?? throw new InvalidReportingQueryException($"'{name}' is not a column of {_entity.Name}.");
        return Columns.Property(Row, name, property.ClrType);
    }

    /// <summary><c>row =&gt; column == @value</c>: a key of the path.</summary>
    public Expression<Func<Dictionary<string, object>, bool>> Equals(string column, object? value)
    {
        var property = Column(column);
        var (left, right) = Unify(property, Constant(value, property.Type));
        return Expression.Lambda<Func<Dictionary<string, object>, bool>>(Expression.Equal(left, right), Row);
    }

    public Expression Bind(QueryNode node)
    {
        if (++_nodes > _maxNodes)
        {
            throw new InvalidReportingQueryException($"The query has more than {_maxNodes} terms.");
        }

        return node switch
        {
            BinaryOperatorNode binary => BindBinary(binary),
            UnaryOperatorNode { OperatorKind: UnaryOperatorKind.Not } not => Expression.Not(AsBool(Bind(not.Operand))),
            UnaryOperatorNode negate => Expression.Negate(Bind(negate.Operand)),
            SingleValuePropertyAccessNode property => Property(property.Source, property.Property),
            CollectionPropertyAccessNode collection => Property(collection.Source, collection.Property),
            ConvertNode { Source: ConstantNode constant } convert => Constant(constant.Value, ClrType(convert.TypeReference)),
            ConvertNode convert => Convert(Bind(convert.Source), ClrType(convert.TypeReference)),
            ConstantNode constant => Constant(constant.Value, constant.Value?.GetType() ?? typeof(object)),
            NonResourceRangeVariableReferenceNode range => Range(range.Name),
            SingleValueFunctionCallNode function => BindFunction(function),
            AnyNode any => BindAny(any),
            AllNode all => BindAll(all),
            InNode @in => BindIn(@in),
            CountNode count => Expression.ArrayLength(Bind(count.Source)),
            _ => throw new InvalidReportingQueryException($"'{node.Kind}' expressions are not supported."),
        };
    }

    private Expression Property(QueryNode source, IEdmProperty property)
    {
        if (source is not ResourceRangeVariableReferenceNode)
        {
            throw new InvalidReportingQueryException($"'{property.Name}' is only supported on the entity itself, not through navigation.");
        }

        return Column(property.Name);
    }

    private ParameterExpression Range(string name) =>
        _ranges.TryGetValue(name, out var parameter)
            ? parameter
            : throw new InvalidReportingQueryException($"The range variable '{name}' is not in scope.");

    private Expression BindBinary(BinaryOperatorNode node)
    {
        switch (node.OperatorKind)
        {
            case BinaryOperatorKind.And:
                return Expression.AndAlso(AsBool(Bind(node.Left)), AsBool(Bind(node.Right)));
            case BinaryOperatorKind.Or:
                return Expression.OrElse(AsBool(Bind(node.Left)), AsBool(Bind(node.Right)));
        }

        var (left, right) = BindPair(node.Left, node.Right);
        return node.OperatorKind switch
        {
            BinaryOperatorKind.Equal => Expression.Equal(left, right),
            BinaryOperatorKind.NotEqual => Expression.NotEqual(left, right),
            BinaryOperatorKind.GreaterThan => Compare(left, right, Expression.GreaterThan),
            BinaryOperatorKind.GreaterThanOrEqual => Compare(left, right, Expression.GreaterThanOrEqual),
            BinaryOperatorKind.LessThan => Compare(left, right, Expression.LessThan),
            BinaryOperatorKind.LessThanOrEqual => Compare(left, right, Expression.LessThanOrEqual),
            BinaryOperatorKind.Add => Expression.Add(left, right),
            BinaryOperatorKind.Subtract => Expression.Subtract(left, right),
            BinaryOperatorKind.Multiply => Expression.Multiply(left, right),
            BinaryOperatorKind.Divide => Expression.Divide(left, right),
            BinaryOperatorKind.Modulo => Expression.Modulo(left, right),
            _ => throw new InvalidReportingQueryException($"The '{node.OperatorKind}' operator is not supported."),
        };
    }

    /// <summary>Strings order with <c>string.Compare</c> (EF Core translates it to <c>&gt;</c>, <c>&lt;</c>…); the rest with operators.</summary>
    private static Expression Compare(Expression left, Expression right, Func<Expression, Expression, BinaryExpression> comparison) =>
        left.Type == typeof(string)
            ? comparison(Expression.Call(typeof(string), nameof(string.Compare), null, left, right), Expression.Constant(0))
            : comparison(left, right);

    /// <summary>Binds both operands; a constant takes the other side's type, so <c>versionId gt 1</c> compares integers in SQL.</summary>
    private (Expression Left, Expression Right) BindPair(SingleValueNode left, SingleValueNode right)
    {
        if (ConstantOf(right) is { } rightConstant)
        {
            var bound = Bind(left);
            return Unify(bound, Constant(rightConstant.Value, bound.Type));
        }

        if (ConstantOf(left) is { } leftConstant)
        {
            var bound = Bind(right);
            return Unify(Constant(leftConstant.Value, bound.Type), bound);
        }

        return Unify(Bind(left), Bind(right));
    }

    private static ConstantNode? ConstantOf(QueryNode node) => node switch
    {
        ConstantNode constant => constant,
        ConvertNode { Source: ConstantNode constant } => constant,
        _ => null,
    };

    /// <summary>A query parameter holding <paramref name="value"/> converted to <paramref name="type"/> (nullable when the value is null).</summary>
    private Expression Constant(object? value, Type type)
    {
        _nodes++;
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (value is null)
        {
            var nullable = target.IsValueType ? typeof(Nullable<>).MakeGenericType(target) : target;
            return Expression.Constant(null, nullable);
        }

        var converted = ConvertValue(value, target);
        return (Expression)ValueMethod.MakeGenericMethod(target).Invoke(null, [converted])!;
    }

    private static object ConvertValue(object value, Type target)
    {
        try
        {
            return value switch
            {
                _ when target.IsInstanceOfType(value) => value,
                DateTimeOffset offset when target == typeof(DateTime) => offset.UtcDateTime,
                Date date when target == typeof(DateTime) => new DateTime(date.Year, date.Month, date.Day, 0, 0, 0, DateTimeKind.Utc),
                IConvertible when target == typeof(string) => System.Convert.ToString(value, CultureInfo.InvariantCulture)!,
                IConvertible when target.IsPrimitive || target == typeof(decimal) => System.Convert.ChangeType(value, target, CultureInfo.InvariantCulture),
                _ => throw new InvalidReportingQueryException($"The value '{value}' cannot be compared with a {target.Name} property."),
            };
        }
        catch (Exception e) when (e is OverflowException or InvalidCastException or FormatException)
        {
            throw new InvalidReportingQueryException($"The value '{value}' does not fit a {target.Name} property.", e);
        }
    }

    /// <summary>Brings two operands to one type: nullable when either is, the wider number when they differ.</summary>
    private static (Expression Left, Expression Right) Unify(Expression left, Expression right)
    {
        if (left.Type == right.Type)
        {
            return (left, right);
        }

        var leftType = Nullable.GetUnderlyingType(left.Type) ?? left.Type;
        var rightType = Nullable.GetUnderlyingType(right.Type) ?? right.Type;
        var common = leftType == rightType ? leftType : Wider(leftType, rightType);
        var nullable = common.IsValueType && (IsNullable(left) || IsNullable(right) || left.Type == typeof(object) || right.Type == typeof(object));
        var type = nullable ? typeof(Nullable<>).MakeGenericType(common) : common;
        return (Convert(left, type), Convert(right, type));
    }

    private static bool IsNullable(Expression expression) => Nullable.GetUnderlyingType(expression.Type) is not null;

    private static Type Wider(Type left, Type right)
    {
        Type[] order = [typeof(int), typeof(long), typeof(decimal), typeof(double)];
        var l = Array.IndexOf(order, left);
        var r = Array.IndexOf(order, right);
        if (l < 0 || r < 0)
        {
            throw new InvalidReportingQueryException($"A {left.Name} cannot be compared with a {right.Name}.");
        }

        return order[Math.Max(l, r)];
    }

    private static Expression Convert(Expression expression, Type type)
    {
        if (expression.Type == type)
        {
            return expression;
        }

        if (expression is ConstantExpression { Value: null })
        {
            return Expression.Constant(null, type);
        }

        var from = Nullable.GetUnderlyingType(expression.Type) ?? expression.Type;
        var to = Nullable.GetUnderlyingType(type) ?? type;
        return from == to || Wider(from, to) == to
            ? Expression.Convert(expression, type)
            : throw new InvalidReportingQueryException($"A {from.Name} cannot be converted to a {to.Name}.");
    }

    /// <summary>A nullable boolean (a lifted comparison) is true only when it is true, as OData's null semantics say.</summary>
    private static Expression AsBool(Expression expression) =>
        expression.Type == typeof(bool)
            ? expression
            : expression.Type == typeof(bool?)
                ? Expression.Equal(expression, Expression.Constant(true, typeof(bool?)))
                : throw new InvalidReportingQueryException("The expression is not a condition.");

    /// <summary>The CLR type of an EDM primitive as FhirEf's model stores it (timestamps are UTC <see cref="DateTime"/>).</summary>
    private static Type ClrType(IEdmTypeReference type)
    {
        var clr = type.PrimitiveKind() switch
        {
            EdmPrimitiveTypeKind.String => typeof(string),
            EdmPrimitiveTypeKind.Boolean => typeof(bool),
            EdmPrimitiveTypeKind.Int16 or EdmPrimitiveTypeKind.Int32 or EdmPrimitiveTypeKind.Byte or EdmPrimitiveTypeKind.SByte => typeof(int),
            EdmPrimitiveTypeKind.Int64 => typeof(long),
            EdmPrimitiveTypeKind.Decimal => typeof(decimal),
            EdmPrimitiveTypeKind.Double or EdmPrimitiveTypeKind.Single => typeof(double),
            EdmPrimitiveTypeKind.DateTimeOffset or EdmPrimitiveTypeKind.Date => typeof(DateTime),
            var kind => throw new InvalidReportingQueryException($"'{kind}' values are not supported."),
        };
        return clr.IsValueType && type.IsNullable ? typeof(Nullable<>).MakeGenericType(clr) : clr;
    }
}
