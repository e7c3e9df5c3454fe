using BenchmarkDotNet.Running;
using Chatbot.Benchmarks;

// dotnet run -c Release --project tests/Chatbot.Benchmarks -- --filter '*'        (BenchmarkDotNet)
// dotnet run -c Release --project tests/Chatbot.Benchmarks -- coldstart -n 7 -- CMD (spawn → first answer)
if (args is ["coldstart", .. var rest]) return await ColdStart.RunAsync(rest);
BenchmarkSwitcher.FromAssembly(typeof(TurnBenchmarks).Assembly).Run(args);
return 0;
