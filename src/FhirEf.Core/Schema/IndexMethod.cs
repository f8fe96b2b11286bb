namespace FhirEf.Core.Schema;

public enum IndexMethod
{
    BTree,
    Gin,
}
