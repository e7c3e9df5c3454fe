using BenchmarkDotNet.Running;
using Chatbot.Benchmarks;

// dotnet run -c Release --project tests/Chatbot.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(TurnBenchmarks).Assembly).Run(args);
