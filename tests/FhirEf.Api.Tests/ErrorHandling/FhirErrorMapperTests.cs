using FhirEf.Api.ErrorHandling;
using FhirEf.Core.Bundles;
using FhirEf.Core.Errors;
using FhirEf.Core.Validation;
using Microsoft.AspNetCore.Http;

namespace FhirEf.Api.Tests.ErrorHandling;

public sealed class FhirErrorMapperTests
{
    public static TheoryData<Exception, int, string> Errors => new()
    {
        { new InvalidRequestException("bad"), 400, "invalid" },
        { new InvalidResourceException("bad"), 400, "invalid" },
        { new ResourceNotFoundException("gone"), 404, "not-found" },
        { new ResourceTypeNotSupportedException("Unicorn"), 404, "not-supported" },
        { new MethodNotAllowedException("no"), 405, "not-supported" },
        { new NotAcceptableException("xml"), 406, "not-supported" },
        { new ResourceConflictException("busy"), 409, "conflict" },
        { new ResourceGoneException("deleted"), 410, "deleted" },
        { new VersionConflictException("If-Match"), 412, "conflict" },
        { new PreconditionFailedException("several"), 412, "multiple-matches" },
        { new PayloadTooLargeException(10), 413, "too-long" },
        { new BundleTooLargeException(11, 10), 413, "too-long" },
        { new UnsupportedMediaTypeException("xml"), 415, "not-supported" },
        { new UnprocessableEntityException("patch"), 422, "processing" },
        { new NotSupportedRequestException("no search"), 400, "not-supported" },
        { new BadHttpRequestException("too big", 413), 413, "too-long" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Typed_error_becomes_its_status_and_issue_code(Exception exception, int status, string code)
    {
        var response = FhirErrorMapper.TryMap(exception)!;

        Assert.Equal(status, response.Status);
        Assert.Equal("OperationOutcome", response.Outcome["resourceType"]!.GetValue<string>());
        Assert.Equal(code, response.Outcome["issue"]![0]!["code"]!.GetValue<string>());
        Assert.Equal(exception.Message, response.Outcome["issue"]![0]!["diagnostics"]!.GetValue<string>());
    }

    [Fact]
    public void Validation_error_lists_every_issue_with_its_path()
    {
        var exception = new FhirValidationException([
            new ValidationIssue(IssueSeverity.Error, IssueType.Structure, "Patient.foo", "unknown element"),
            new ValidationIssue(IssueSeverity.Error, IssueType.Value, "Patient.birthDate", "not a date"),
        ]);

        var issues = FhirErrorMapper.TryMap(exception)!.Outcome["issue"]!.AsArray();

        Assert.Equal(["Patient.foo", "Patient.birthDate"], issues.Select(i => i!["expression"]![0]!.GetValue<string>()));
        Assert.Equal(["structure", "value"], issues.Select(i => i!["code"]!.GetValue<string>()));
    }

    [Fact]
    public void Failed_transaction_entry_keeps_the_entry_status_and_names_the_entry()
    {
        var entry = new BundleEntryRequest(3, BundleEntryMethod.Put, EntryRequestUrl.Parse("Patient/1", null, "x"), "Patient/1");

        var response = FhirErrorMapper.TryMap(new TransactionEntryException(entry, new VersionConflictException("If-Match W/\"1\" does not hold")))!;

        Assert.Equal(412, response.Status);
        Assert.StartsWith("Bundle.entry[3] (PUT Patient/1): If-Match", response.Outcome["issue"]![0]!["diagnostics"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Bundle.entry[3]", response.Outcome["issue"]![0]!["expression"]![0]!.GetValue<string>());
    }

    [Theory]
    [InlineData("40001", false, 409, "conflict")]
    [InlineData("40P01", false, 409, "conflict")]
    [InlineData("08006", true, 503, "transient")]
    public void Database_error_the_client_can_retry_is_a_conflict_or_unavailable(string sqlState, bool transient, int status, string code)
    {
        var response = FhirErrorMapper.TryMap(new InvalidOperationException("wrapped", new DatabaseError(sqlState, transient)))!;

        Assert.Equal((status, code), (response.Status, response.Outcome["issue"]![0]!["code"]!.GetValue<string>()));
    }

    [Fact]
    public void Database_error_that_is_not_transient_is_unexpected() =>
        Assert.Null(FhirErrorMapper.TryMap(new DatabaseError("23502", transient: false)));

    [Theory]
    [InlineData(typeof(InvalidOperationException))]
    [InlineData(typeof(NullReferenceException))]
    public void Unexpected_error_is_not_mapped(Type type) => Assert.Null(FhirErrorMapper.TryMap((Exception)Activator.CreateInstance(type)!));

    /// <summary>A provider's database error, as the API sees it: only through DbException.</summary>
    private sealed class DatabaseError(string sqlState, bool transient) : System.Data.Common.DbException("database error")
    {
        public override string? SqlState => sqlState;

        public override bool IsTransient => transient;
    }

    [Theory]
    [InlineData(200, "200 OK")]
    [InlineData(201, "201 Created")]
    [InlineData(412, "412 Precondition Failed")]
    public void Status_line_of_a_bundle_entry(int status, string expected) => Assert.Equal(expected, FhirErrorMapper.StatusLine(status));
}
