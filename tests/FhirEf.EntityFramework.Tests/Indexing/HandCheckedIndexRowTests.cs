using System.Globalization;
using FhirEf.Core.Abstractions;
using FhirEf.Core.Indexing;
using Microsoft.Extensions.DependencyInjection;
using FhirEf.Testing;
using static FhirEf.EntityFramework.Tests.Indexing.ExpectedRow;

namespace FhirEf.EntityFramework.Tests.Indexing;

/// <summary>
/// Issue 5's acceptance: spec examples written through <see cref="IFhirRepository"/>, then every column of
/// the stored row, the <c>_References</c> rows, the lookup rows and the compartments compared with values
/// worked out by hand from the example's JSON and the R4 SearchParameter expressions (the encodings are
/// those of docs/schema.md). Nothing here is computed by the indexer.
/// </summary>
public sealed class HandCheckedIndexRowTests(FhirDatabaseFixture database) : IClassFixture<FhirDatabaseFixture>, IAsyncLifetime
{
    private const string Loinc = "http://loinc.org";
    private const string Snomed = "http://snomed.info/sct";
    private const string Ucum = "http://unitsofmeasure.org";

    private readonly StorageHost _host = new(database);

    [Fact]
    public async Task Patient_example()
    {
        var expected = await WriteAsync("Patient-example.json");
        expected["compartments"] = Set("Patient/example");
        expected.Token("active", Codes((null, "true")), "true");
        expected.String(
            "address",
            ["534 erewhon st", "pleasantville", "rainbow", "vic", "3999", "534 erewhon st peasantville, rainbow, vic 3999"],
            ["534 Erewhon St", "PleasantVille", "Rainbow", "Vic", "3999", "534 Erewhon St PeasantVille, Rainbow, Vic  3999"]);
        expected.String("addressCity", ["pleasantville"], ["PleasantVille"]);
        expected.String("addressPostalcode", ["3999"], ["3999"]);
        expected.String("addressState", ["vic"], ["Vic"]);
        expected.Token("addressUse", Codes((null, "home")), "home");
        expected.Date("birthdate", Day("1974-12-25"));
        expected.Token("deceased", Codes((null, "false")), "false"); // deceasedBoolean false: "exists() and != false" is false
        expected.String("family", ["chalmers", "windsor"], ["Chalmers", "Windsor"]);
        expected.Token("gender", Codes((null, "male")), "male");
        expected.String("given", ["peter", "james", "jim"], ["Peter", "James", "Jim"]);
        expected.Token(
            "identifier",
            Set("12345", "urn:oid:1.2.36.146.595.217.0.1|12345", "urn:oid:1.2.36.146.595.217.0.1|", "\u001Ehttp://terminology.hl7.org/CodeSystem/v2-0203|MR|12345"),
            "12345");
        expected.String("name", ["chalmers", "peter", "james", "jim", "windsor"], ["Chalmers", "Peter", "James", "Jim", "Windsor"]);
        expected.String("phonetic", ["chalmers", "peter", "james", "jim", "windsor"], ["Chalmers", "Peter", "James", "Jim", "Windsor"]);
        expected["organization"] = Set("Organization/1");
        var phones = Codes((null, "(03) 5555 6473"), (null, "(03) 3410 5613"), (null, "(03) 5555 8834"));
        expected.Token("phone", phones, "(03) 5555 6473");
        expected.Token("telecom", phones, "(03) 5555 6473"); // the first ContactPoint has no value
        expected["_text"] = new Terms(true, "name", "peter", "james", "chalmers", "jim", "address", "534", "erewhon", "pleasantville",
            "vic", "3999", "contacts", "home", "unknown", "work", "03", "5555", "6473", "id", "mrn", "12345", "acme", "healthcare");
        expected["_content"] = new Terms(false, "chalmers", "windsor", "jim", "erewhon", "rainbow", "peasantville", "12345", "acme", "healthcare",
            "marche", "benedicte", "33", "237", "998327", "5613", "8834", "usual", "official", "maiden", "male", "female");

        await AssertStoredAsync("Patient", "example", expected,
            references: ["organization → Organization/1"],
            lookups:
            [
                "Address: city=PleasantVille code=address district=Rainbow line=[534 Erewhon St] ordinal=0 postalCode=3999 state=Vic text=534 Erewhon St PeasantVille, Rainbow, Vic  3999 type=both use=home",
                "ContactPoint: code=phone ordinal=0 rank=1 system=phone use=work value=(03) 5555 6473",
                "ContactPoint: code=phone ordinal=1 rank=2 system=phone use=mobile value=(03) 3410 5613",
                "ContactPoint: code=phone ordinal=2 system=phone use=old value=(03) 5555 8834",
                "ContactPoint: code=telecom ordinal=0 use=home",
                "ContactPoint: code=telecom ordinal=1 rank=1 system=phone use=work value=(03) 5555 6473",
                "ContactPoint: code=telecom ordinal=2 rank=2 system=phone use=mobile value=(03) 3410 5613",
                "ContactPoint: code=telecom ordinal=3 system=phone use=old value=(03) 5555 8834",
                "HumanName: code=name family=Chalmers given=[Peter,James] ordinal=0 use=official",
                "HumanName: code=name family=Windsor given=[Peter,James] ordinal=2 use=maiden",
                "HumanName: code=name given=[Jim] ordinal=1 use=usual",
                "HumanName: code=phonetic family=Chalmers given=[Peter,James] ordinal=0 use=official",
                "HumanName: code=phonetic family=Windsor given=[Peter,James] ordinal=2 use=maiden",
                "HumanName: code=phonetic given=[Jim] ordinal=1 use=usual",
                "Identifier: code=identifier ordinal=0 system=urn:oid:1.2.36.146.595.217.0.1 typeCode=MR typeSystem=http://terminology.hl7.org/CodeSystem/v2-0203 use=usual value=12345",
            ]);
    }

    [Fact]
    public async Task Observation_example()
    {
        var expected = await WriteAsync("Observation-example.json");
        const string category = "http://terminology.hl7.org/CodeSystem/observation-category";
        const string acme = "http://acme.org/devices/clinical-codes";
        expected["compartments"] = Set("Patient/example", "Encounter/example");
        expected.Token("category", Codes((category, "vital-signs")), "vital-signs", Joined("vital signs"));
        var codes = Codes((Loinc, "29463-7"), (Loinc, "3141-9"), (Snomed, "27113001"), (acme, "body-weight"));
        var codeText = Joined("body weight", "body weight measured");
        expected.Token("code", codes, "29463-7", codeText);
        expected.Token("comboCode", codes, "29463-7", codeText);
        var value = "[{\"v\":185,\"u\":[\"[lb_av]\",\"http://unitsofmeasure.org|[lb_av]\",\"lbs\"]}]";
        var codeValueQuantity = Json(
            "[{\"0\":[\"29463-7\",\"http://loinc.org|29463-7\",\"http://loinc.org|\",\"3141-9\",\"http://loinc.org|3141-9\",\"http://loinc.org|\"," +
            "\"27113001\",\"http://snomed.info/sct|27113001\",\"http://snomed.info/sct|\"," +
            $"\"body-weight\",\"{acme}|body-weight\",\"{acme}|\"],\"1\":{value}}}]");
        expected["codeValueQuantity"] = codeValueQuantity;
        expected["comboCodeValueQuantity"] = codeValueQuantity;
        expected.Date("date", Day("2016-03-28"));
        expected["encounter"] = Set("Encounter/example");
        expected["patient"] = Set("Patient/example");
        expected["subject"] = Set("Patient/example");
        expected.Token("status", Codes((null, "final")), "final");
        foreach (var quantity in new[] { "valueQuantity", "comboValueQuantity" })
        {
            expected[quantity + "Low"] = "185";
            expected[quantity + "High"] = "185";
            expected[quantity + "Units"] = Set("[lb_av]", Ucum + "|[lb_av]", "lbs");
        }

        expected["_text"] = new Terms(false, "generated", "narrative", "body", "weight", "29463", "3141", "27113001", "loinc", "snomed");
        // Every string-like primitive, split into terms (numbers, dates and the narrative's div are left out: ContentText);
        // "1" is meta.versionId and "generated" text.status; [lb_av] splits at the brackets and the underscore.
        expected["_content"] = new Terms(true, "example", "generated", "1", "final", "http", "terminology", "hl7", "org", "codesystem",
            "observation", "category", "vital", "signs", "loinc", "29463", "7", "body", "weight", "3141", "9", "measured", "snomed", "info",
            "sct", "27113001", "acme", "devices", "clinical", "codes", "patient", "encounter", "lbs", "unitsofmeasure", "lb", "av");

        await AssertStoredAsync("Observation", "example", expected,
            references: ["encounter → Encounter/example", "patient → Patient/example", "subject → Patient/example"],
            lookups: []);
    }

    [Fact]
    public async Task Encounter_f001()
    {
        var expected = await WriteAsync("Encounter-f001.json");
        expected["compartments"] = Set("Encounter/f001", "Patient/f001", "Practitioner/f002");
        expected.Token("class", Codes(("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB")), "AMB", Joined("ambulatory"));
        expected.Token("identifier", Codes(("http://www.amc.nl/zorgportal/identifiers/visits", "v1451")), "v1451");
        expected["lengthLow"] = "140";
        expected["lengthHigh"] = "140";
        expected["lengthUnits"] = Set("min", Ucum + "|min");
        expected["participant"] = Set("Practitioner/f002");
        expected["practitioner"] = Set("Practitioner/f002");
        expected["patient"] = Set("Patient/f001");
        expected["subject"] = Set("Patient/f001");
        expected["serviceProvider"] = Set("Organization/f001");
        expected.Token("reasonCode", Codes((Snomed, "34068001")), "34068001", Joined("heart valve replacement"));
        expected.Token("status", Codes((null, "finished")), "finished");
        expected.Token("type", Codes((Snomed, "270427003")), "270427003", Joined("patient-initiated encounter"));
        expected["_text"] = new Terms(false, "f001", "v1451", "official", "finished", "ambulatory", "heuvel", "voigt");
        expected["_content"] = new Terms(false, "v1451", "finished", "amb", "ambulatory", "cardiological", "heuvel", "voigt", "min", "93042", "burgers");

        await AssertStoredAsync("Encounter", "f001", expected,
            references:
            [
                "participant → Practitioner/f002", "patient → Patient/f001", "practitioner → Practitioner/f002",
                "service-provider → Organization/f001", "subject → Patient/f001",
            ],
            lookups: ["Identifier: code=identifier ordinal=0 system=http://www.amc.nl/zorgportal/identifiers/visits use=official value=v1451"]);
    }

    [Fact]
    public async Task MedicationRequest_medrx0302()
    {
        var expected = await WriteAsync("MedicationRequest-medrx0302.json");
        expected["compartments"] = Set("Encounter/f001", "Patient/pat1", "Practitioner/f007");
        expected.Date("authoredon", Day("2015-01-15"));
        expected["encounter"] = Set("Encounter/f001");
        expected.Token("identifier", Codes(("http://www.bmc.nl/portal/prescriptions", "12345689")), "12345689");
        expected.Token("intent", Codes((null, "order")), "order");
        expected["patient"] = Set("Patient/pat1");
        expected["subject"] = Set("Patient/pat1");
        expected["requester"] = Set("Practitioner/f007");
        expected.Token("status", Codes((null, "active")), "active");
        expected["_text"] = new Terms(false, "medrx0302", "azithromycin", "250mg", "capsule", "donald", "duck", "patrick", "pump");
        expected["_content"] = new Terms(false, "azithromycin", "250mg", "12345689", "order", "donald", "duck", "food", "tablets", "formulary");

        // medication is "#med0320", a contained resource: no searchable reference, no _References row (and code is null:
        // medication[x] is a Reference, not a CodeableConcept).
        await AssertStoredAsync("MedicationRequest", "medrx0302", expected,
            references: ["encounter → Encounter/f001", "patient → Patient/pat1", "requester → Practitioner/f007", "subject → Patient/pat1"],
            lookups: ["Identifier: code=identifier ordinal=0 system=http://www.bmc.nl/portal/prescriptions use=official value=12345689"]);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>Writes the example under its own id; the expectation starts with the fixed columns of a first version.</summary>
    private async Task<ExpectedRow> WriteAsync(string example)
    {
        var resource = TestData.Example(example);
        var type = resource.GetProperty("resourceType").GetString()!;
        var id = resource.GetProperty("id").GetString()!;
        var written = await _host.WithRepositoryAsync(r => r.UpdateAsync(type, id, resource, WriteOptions.None, default));
        Assert.Equal(WriteOutcome.Created, written.Outcome);
        return new ExpectedRow
        {
            ["projectId"] = _host.ProjectId,
            ["id"] = id,
            ["versionId"] = "1",
            ["lastUpdated"] = StoredRows.Timestamp(written.Version!.LastUpdated.UtcDateTime),
            ["deleted"] = "false",
            ["content"] = written.Version.Json!,
            ["__version"] = _host.Services.GetRequiredService<IResourceIndexer>().Version.ToString(CultureInfo.InvariantCulture),
        };
    }

    private async Task AssertStoredAsync(string type, string id, ExpectedRow expected, string[] references, string[] lookups)
    {
        expected.AssertMatches(await StoredRows.MainRowAsync(database.DataSource, type, _host.ProjectId, id));
        Assert.Equal(references.Order(StringComparer.Ordinal), await StoredRows.ReferencesAsync(database.DataSource, type, _host.ProjectId, id));
        Assert.Equal(lookups.Order(StringComparer.Ordinal), await StoredRows.LookupsAsync(database.DataSource, type, _host.ProjectId, id));
    }
}
