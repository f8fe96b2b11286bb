using FhirEf.Cli.Commands;

return await FhirEfCommandLine.Build().Parse(args).InvokeAsync();
