using System.Linq.Expressions;
using FhirEf.Core.Errors;
using FhirEf.Core.Schema;
using FhirEf.Core.Schema.Storage;
using FhirEf.Core.Search.Expressions;

namespace FhirEf.EntityFramework.Search.Translation;

/// <summary>
/// Translates a bound search into <c>Expression&lt;Func&lt;Dictionary&lt;string, object&gt;, bool&gt;&gt;</c>
/// over a resource table, which EF Core turns into SQL. Each parameter type has its own predicate
/// builder (<see cref="StringPredicates"/>, <see cref="TokenPredicates"/>, <see cref="DatePredicates"/> …);
/// chains and <c>_has</c> become correlated EXISTS over the references tables
/// (<see cref="ReferencePredicates"/>, <see cref="JoinPredicates"/>).
/// </summary>
public sealed class SearchPredicateTranslator
{
    private readonly FhirSchema _schema;
    private readonly ISearchPredicateProvider _provider;
    private readonly TimeProvider _time;
    private readonly Func<string, IQueryable<Dictionary<string, object>>> _tables;

    /// <param name="schema">The tables and storage strategies.</param>
    /// <param name="provider">Provider-specific predicates.</param>
    /// <param name="time">The clock (<c>ap</c> on dates).</param>
    /// <param name="tables">The query roots of the tables, for correlated subqueries (chains, <c>_has</c>).</param>
    public SearchPredicateTranslator(FhirSchema schema, ISearchPredicateProvider provider, TimeProvider time, Func<string, IQueryable<Dictionary<string, object>>> tables)
    {
        _schema = schema;
        _provider = provider;
        _time = time;
        _tables = tables;
    }

    /// <summary>Live (not deleted) resources of <paramref name="resourceType"/> for which <paramref name="filter"/> holds.</summary>
    public Expression<Func<Dictionary<string, object>, bool>> Translate(string resourceType, SearchExpression? filter)
    {
        var row = Expression.Parameter(typeof(Dictionary<string, object>), "r");
        return Expression.Lambda<Func<Dictionary<string, object>, bool>>(Body(resourceType, filter, row), row);
    }

    internal Expression Body(string resourceType, SearchExpression? filter, ParameterExpression row)
    {
        var live = Expression.Not(Columns.Property<bool>(row, FixedColumns.Deleted));
        return filter is null ? live : Expression.AndAlso(live, filter.Accept(new Visitor(this, resourceType, row)));
    }

    private IQueryable<Dictionary<string, object>> Table(string name) => _tables(name);

    private sealed class Visitor(SearchPredicateTranslator owner, string resourceType, ParameterExpression row) : ISearchExpressionVisitor<Expression>
    {
        private ResourceTableSchema Resource => owner._schema.Resource(resourceType);

        private IReadOnlyList<string> AllTypes => owner._schema.ResourceTypes;

        public Expression Visit(AndExpression expression) => Columns.All(expression.Operands.Select(o => o.Accept(this)));

        public Expression Visit(OrExpression expression)
        {
            // Values of one token or reference parameter become one array overlap: one GIN probe, one parameter.
            var parts = new List<Expression>();
            foreach (var group in expression.Operands.GroupBy(GroupKey))
            {
                parts.Add(group.Key is null ? Columns.Any(group.Select(o => o.Accept(this)))
                    : group.First() is TokenExpression ? TokenPredicates.Translate(row, Storage<TokenStorage>(((TokenExpression)group.First()).Parameter.Code), [.. group.Cast<TokenExpression>()])
                    : ReferencePredicates.Translate(row, Storage<ReferenceStorage>(((ReferenceExpression)group.First()).Parameter.Code), group.Cast<ReferenceExpression>(), AllTypes));
            }

            return Columns.Any(parts);
        }

        public Expression Visit(NotExpression expression) => Expression.Not(expression.Operand.Accept(this));

        public Expression Visit(MissingExpression expression)
        {
            var column = MissingColumn(Storage(expression.Parameter.Code), expression.Parameter.Code);
            if (column is null)
            {
                return Expression.Constant(!expression.IsMissing);
            }

            var value = Columns.Property(row, column.Name, ClrType(column));
            return expression.IsMissing ? Columns.IsNull(value) : Columns.NotNull(value);
        }

        public Expression Visit(StringExpression expression) =>
            StringPredicates.Translate(row, Storage<StringStorage>(expression.Parameter.Code), expression);

        public Expression Visit(TokenExpression expression) =>
            TokenPredicates.Translate(row, Storage<TokenStorage>(expression.Parameter.Code), [expression]);

        public Expression Visit(TokenTextExpression expression) =>
            TokenPredicates.Text(row, Storage<TokenStorage>(expression.Parameter.Code), expression);

        public Expression Visit(TokenOfTypeExpression expression) =>
            TokenPredicates.OfType(row, Storage<TokenStorage>(expression.Parameter.Code), expression);

        public Expression Visit(TokenValueSetExpression expression) =>
            throw new InvalidOperationException("Value set membership is expanded to tokens (TerminologyRewriter) before translation.");

        public Expression Visit(TokenHierarchyExpression expression) =>
            throw new InvalidOperationException("Code hierarchies are expanded to tokens (TerminologyRewriter) before translation.");

        public Expression Visit(DateExpression expression) =>
            DatePredicates.Translate(row, Storage<DateStorage>(expression.Parameter.Code), expression, owner._time);

        public Expression Visit(NumberExpression expression)
        {
            var storage = Storage<NumberStorage>(expression.Parameter.Code);
            return NumberPredicates.Translate(row, storage.Low, storage.High, expression.Prefix, expression.Value);
        }

        public Expression Visit(QuantityExpression expression)
        {
            var storage = Storage<QuantityStorage>(expression.Parameter.Code);
            var value = NumberPredicates.Translate(row, storage.Low, storage.High, expression.Prefix, expression.Value);
            return expression.Code is null
                ? value
                : Expression.AndAlso(value, Columns.ArrayContains(row, storage.Units,
                    expression.System is null ? expression.Code : FhirEf.EntityFramework.Storage.Rows.ColumnValues.SystemAndCode(expression.System, expression.Code)));
        }

        public Expression Visit(ReferenceExpression expression) =>
            ReferencePredicates.Translate(row, Storage<ReferenceStorage>(expression.Parameter.Code), [expression], AllTypes);

        public Expression Visit(ReferenceIdentifierExpression expression) => ReferencePredicates.Identifier(row, expression);

        public Expression Visit(UriExpression expression) =>
            UriPredicates.Translate(row, Storage<UriStorage>(expression.Parameter.Code), expression);

        public Expression Visit(CompositeExpression expression) =>
            CompositePredicates.Translate(row, Storage<CompositeStorage>(expression.Parameter.Code), expression, owner._provider, AllTypes);

        public Expression Visit(FullTextExpression expression)
        {
            var storage = Storage<FullTextStorage>(expression.Parameter.Code);
            if (expression.Terms.Count == 0)
            {
                return Expression.Constant(false);
            }

            var column = Columns.Property(row, storage.Column, owner._provider.FullTextColumnType);
            return Expression.AndAlso(Columns.NotNull(column), owner._provider.FullTextMatches(column, expression.Terms));
        }

        public Expression Visit(IdExpression expression)
        {
            var id = Columns.Property<string>(row, FixedColumns.Id);
            return expression.Ids.Count == 1
                ? Expression.Equal(id, Columns.Value(expression.Ids[0]))
                : Columns.Contains(Columns.Value(expression.Ids.ToArray()), id);
        }

        public Expression Visit(CompartmentExpression expression) =>
            Resource.HasCompartments
                ? Columns.ArrayContains(row, FixedColumns.Compartments, expression.CompartmentType + "/" + expression.Id)
                : Expression.Constant(false);

        public Expression Visit(ChainExpression expression) =>
            JoinPredicates.Chain(row, resourceType, expression, owner.Table, (type, target, targetRow) => owner.Body(type, target, targetRow));

        public Expression Visit(HasExpression expression) =>
            JoinPredicates.Has(row, resourceType, expression, owner.Table, (type, source, sourceRow) => owner.Body(type, source, sourceRow));

        private static object? GroupKey(SearchExpression operand) => operand switch
        {
            TokenExpression token => ("token", token.Parameter.Code),
            ReferenceExpression reference => ("reference", reference.Parameter.Code),
            _ => null,
        };

        private SearchParameterStorage Storage(string code) =>
            Resource.TryGetStorage(code, out var storage)
                ? storage
                : throw new InvalidSearchException(code, null, $"{resourceType} has no stored parameter '{code}'.");

        private T Storage<T>(string code)
            where T : SearchParameterStorage =>
            Storage(code) as T ?? throw new InvalidOperationException($"{resourceType}.{code} is stored as {Storage(code).GetType().Name}, not {typeof(T).Name}.");

        private ColumnSchema? MissingColumn(SearchParameterStorage storage, string code)
        {
            var name = storage switch
            {
                StringStorage s => s.Normalized,
                TokenStorage t => t.Codes,
                DateStorage { OwnsColumns: true } d => d.Start,
                NumberStorage n => n.Low,
                QuantityStorage q => q.Low,
                ReferenceStorage r => r.Column,
                UriStorage u => u.Column,
                CompositeStorage c => c.Column,
                FullTextStorage f => f.Column,
                _ => null,
            };
            return name is null ? null : Resource.Main.TryGetColumn(name, out var column) ? column
                : throw new InvalidOperationException($"Column {name} of {code} is missing.");
        }

        private Type ClrType(ColumnSchema column) => column.Type switch
        {
            ColumnType.TextArray => typeof(string[]),
            ColumnType.Timestamp => typeof(DateTime?),
            ColumnType.Numeric => typeof(decimal?),
            ColumnType.TsVector => owner._provider.FullTextColumnType,
            ColumnType.Integer => typeof(int?),
            ColumnType.Boolean => typeof(bool?),
            _ => typeof(string),
        };
    }
}
