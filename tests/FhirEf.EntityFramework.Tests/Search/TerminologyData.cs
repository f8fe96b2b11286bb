namespace FhirEf.EntityFramework.Tests.Search;

/// <summary>
/// A CodeSystem hierarchy (nesting and the <c>parent</c>, <c>subsumedBy</c> and <c>child</c> properties), ValueSets
/// of every supported shape, and Conditions coded from them, for the terminology modifiers.
/// </summary>
internal static class TerminologyData
{
    public const string Animals = "http://example.org/cs/animals";

    public static readonly IReadOnlyList<string> Resources =
    [
        """{"resourceType":"CodeSystem","id":"cs-animals-1","url":"http://example.org/cs/animals","version":"1","status":"retired","content":"complete","concept":[{"code":"dog"}]}""",
        """
        {"resourceType":"CodeSystem","id":"cs-animals","url":"http://example.org/cs/animals","version":"2","status":"active","content":"complete",
         "concept":[
           {"code":"animal","property":[{"code":"child","valueCode":"fish"}],"concept":[
             {"code":"mammal","concept":[{"code":"dog"},{"code":"cat"}]},
             {"code":"bird","concept":[{"code":"parrot"}]}]},
           {"code":"reptile","property":[{"code":"parent","valueCode":"animal"}]},
           {"code":"lizard","property":[{"code":"subsumedBy","valueCode":"reptile"}]},
           {"code":"fish"}]}
        """,
        """{"resourceType":"ValueSet","id":"vs-pets","status":"active","url":"http://example.org/vs/pets","compose":{"include":[{"system":"http://example.org/cs/animals","concept":[{"code":"dog"},{"code":"cat"},{"code":"parrot"}]}]}}""",
        """{"resourceType":"ValueSet","id":"vs-animals","status":"active","url":"http://example.org/vs/animals","compose":{"include":[{"system":"http://example.org/cs/animals"}],"exclude":[{"system":"http://example.org/cs/animals","concept":[{"code":"fish"}]}]}}""",
        """{"resourceType":"ValueSet","id":"vs-animals-1","status":"active","url":"http://example.org/vs/animals-1","compose":{"include":[{"system":"http://example.org/cs/animals","version":"1"}]}}""",
        """
        {"resourceType":"ValueSet","id":"vs-mammals","status":"active","url":"http://example.org/vs/mammals",
         "expansion":{"timestamp":"2020-01-01T00:00:00Z","contains":[{"system":"http://example.org/cs/animals","code":"mammal","abstract":true,
           "contains":[{"system":"http://example.org/cs/animals","code":"dog"},{"system":"http://example.org/cs/animals","code":"cat"}]}]}}
        """,
        """{"resourceType":"ValueSet","id":"vs-nested","status":"active","url":"http://example.org/vs/nested","compose":{"include":[{"valueSet":["http://example.org/vs/pets"]},{"system":"http://other.org/cs","concept":[{"code":"dog"}]}]}}""",
        """{"resourceType":"ValueSet","id":"vs-pet-mammals","status":"active","url":"http://example.org/vs/pet-mammals","compose":{"include":[{"valueSet":["http://example.org/vs/pets","http://example.org/vs/mammals"]}]}}""",
        """{"resourceType":"ValueSet","id":"vs-animal-pets","status":"active","url":"http://example.org/vs/animal-pets","compose":{"include":[{"system":"http://example.org/cs/animals","valueSet":["http://example.org/vs/pets"]}],"exclude":[{"valueSet":["http://example.org/vs/mammals"]}]}}""",
        """{"resourceType":"ValueSet","id":"vs-versioned-1","status":"active","url":"http://example.org/vs/versioned","version":"1","compose":{"include":[{"system":"http://example.org/cs/animals","concept":[{"code":"fish"}]}]}}""",
        """{"resourceType":"ValueSet","id":"vs-versioned-2","status":"active","url":"http://example.org/vs/versioned","version":"2","compose":{"include":[{"system":"http://example.org/cs/animals","concept":[{"code":"lizard"}]}]}}""",
        """{"resourceType":"ValueSet","id":"vs-nomatch","status":"active","url":"http://example.org/vs/nomatch","compose":{"include":[{"system":"http://example.org/cs/animals","concept":[{"code":"bird"}]}]}}""",
        """{"resourceType":"ValueSet","id":"vs-cycle-a","status":"active","url":"http://example.org/vs/cycle-a","compose":{"include":[{"valueSet":["http://example.org/vs/cycle-b"]}]}}""",
        """{"resourceType":"ValueSet","id":"vs-cycle-b","status":"active","url":"http://example.org/vs/cycle-b","compose":{"include":[{"valueSet":["http://example.org/vs/cycle-a"]}]}}""",
        """{"resourceType":"ValueSet","id":"vs-filter","status":"active","url":"http://example.org/vs/filter","compose":{"include":[{"system":"http://example.org/cs/animals","filter":[{"property":"concept","op":"is-a","value":"mammal"}]}]}}""",
        """{"resourceType":"ValueSet","id":"vs-unknown-cs","status":"active","url":"http://example.org/vs/unknown-cs","compose":{"include":[{"system":"http://nowhere.org/cs"}]}}""",
        """{"resourceType":"Condition","id":"c-dog","code":{"coding":[{"system":"http://example.org/cs/animals","code":"dog"}]},"subject":{"reference":"Patient/a"}}""",
        """{"resourceType":"Condition","id":"c-cat","code":{"coding":[{"system":"http://example.org/cs/animals","code":"cat"}]},"subject":{"reference":"Patient/b"}}""",
        """{"resourceType":"Condition","id":"c-mammal","code":{"coding":[{"system":"http://example.org/cs/animals","code":"mammal"}]},"subject":{"reference":"Patient/b"}}""",
        """{"resourceType":"Condition","id":"c-parrot","code":{"coding":[{"system":"http://example.org/cs/animals","code":"parrot"}]},"subject":{"reference":"Patient/c"}}""",
        """{"resourceType":"Condition","id":"c-lizard","code":{"coding":[{"system":"http://example.org/cs/animals","code":"lizard"}]},"subject":{"reference":"Patient/c"}}""",
        """{"resourceType":"Condition","id":"c-fish","code":{"coding":[{"system":"http://example.org/cs/animals","code":"fish"}]},"subject":{"reference":"Patient/d"}}""",
        """{"resourceType":"Condition","id":"c-other","code":{"coding":[{"system":"http://other.org/cs","code":"dog"}]},"subject":{"reference":"Patient/d"}}""",
        """{"resourceType":"Condition","id":"c-none","subject":{"reference":"Patient/d"}}""",
    ];
}
