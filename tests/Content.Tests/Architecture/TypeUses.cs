using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace CchcSite.Content.Tests.Architecture;

/// <summary>A type that a type of the assembly uses, with the assembly that type comes from.</summary>
public sealed record UsedType(string Namespace, string Name, string Assembly)
{
    public string FullName => Namespace.Length == 0 ? Name : $"{Namespace}.{Name}";
}

/// <summary>One use: the user is the outermost type that declares the code (lambdas and state machines count as their owner's).</summary>
public sealed record TypeUse(string UserNamespace, string User, UsedType Used)
{
    public override string ToString() => $"{UserNamespace}.{User} uses {Used.FullName} ({Used.Assembly})";
}

/// <summary>
/// Every type each type of a compiled assembly uses, read from its metadata without loading it: base types,
/// interfaces, attributes, generic constraints, signatures of fields, methods and properties, locals, and every
/// type, method and field token in the method bodies' IL. Reflection over members alone would miss a type that
/// only appears inside a method body (<c>new IndexSearch(…)</c>, a static call).
/// </summary>
public static class TypeUses
{
    private static readonly IReadOnlyDictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (OpCode)f.GetValue(null)!).ToDictionary(op => op.Value);

    public static IReadOnlyList<TypeUse> Of(string assemblyPath)
    {
        using var pe = new PEReader(File.OpenRead(assemblyPath));
        var reader = pe.GetMetadataReader();
        var names = new Names(reader);
        var uses = new List<TypeUse>();
        foreach (var handle in reader.TypeDefinitions)
        {
            var owner = names.Outermost(handle);
            var ownerDefinition = reader.GetTypeDefinition(owner);
            var ownerNamespace = reader.GetString(ownerDefinition.Namespace);
            var ownerName = reader.GetString(ownerDefinition.Name);
            if (ownerName == "<Module>")
                continue;
            uses.AddRange(UsedBy(reader, pe, names, handle).Distinct().Select(used => new TypeUse(ownerNamespace, ownerName, used)));
        }
        return uses.Distinct().ToList();
    }

    /// <summary>The names of the assemblies the assembly references.</summary>
    public static IReadOnlyList<string> ReferencedAssemblies(string assemblyPath)
    {
        using var pe = new PEReader(File.OpenRead(assemblyPath));
        var reader = pe.GetMetadataReader();
        return reader.AssemblyReferences.Select(h => reader.GetString(reader.GetAssemblyReference(h).Name)).ToList();
    }

    private static IEnumerable<UsedType> UsedBy(MetadataReader reader, PEReader pe, Names names, TypeDefinitionHandle handle)
    {
        var type = reader.GetTypeDefinition(handle);
        var used = new List<UsedType>();
        if (!type.BaseType.IsNil)
            used.AddRange(names.OfToken(type.BaseType));
        foreach (var implementation in type.GetInterfaceImplementations())
            used.AddRange(names.OfToken(reader.GetInterfaceImplementation(implementation).Interface));
        used.AddRange(Attributes(reader, names, type.GetCustomAttributes()));
        used.AddRange(Constraints(reader, names, type.GetGenericParameters()));
        foreach (var fieldHandle in type.GetFields())
        {
            var field = reader.GetFieldDefinition(fieldHandle);
            used.AddRange(field.DecodeSignature(names, null));
            used.AddRange(Attributes(reader, names, field.GetCustomAttributes()));
        }
        foreach (var propertyHandle in type.GetProperties())
        {
            var property = reader.GetPropertyDefinition(propertyHandle);
            used.AddRange(Flatten(property.DecodeSignature(names, null)));
            used.AddRange(Attributes(reader, names, property.GetCustomAttributes()));
        }
        foreach (var methodHandle in type.GetMethods())
        {
            var method = reader.GetMethodDefinition(methodHandle);
            used.AddRange(Flatten(method.DecodeSignature(names, null)));
            used.AddRange(Attributes(reader, names, method.GetCustomAttributes()));
            used.AddRange(Constraints(reader, names, method.GetGenericParameters()));
            foreach (var parameter in method.GetParameters())
                used.AddRange(Attributes(reader, names, reader.GetParameter(parameter).GetCustomAttributes()));
            if (method.RelativeVirtualAddress != 0)
                used.AddRange(Body(reader, names, pe.GetMethodBody(method.RelativeVirtualAddress)));
        }
        return used;
    }

    private static IEnumerable<UsedType> Body(MetadataReader reader, Names names, MethodBodyBlock body)
    {
        if (!body.LocalSignature.IsNil)
            foreach (var local in reader.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(names, null))
                foreach (var used in local)
                    yield return used;
        var il = body.GetILReader();
        while (il.RemainingBytes > 0)
        {
            short value = il.ReadByte();
            if (value == 0xFE)
                value = unchecked((short)(0xFE00 | il.ReadByte()));
            var opCode = OpCodesByValue[value];
            switch (opCode.OperandType)
            {
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType:
                    foreach (var used in names.OfToken(MetadataTokens.EntityHandle(il.ReadInt32())))
                        yield return used;
                    break;
                case OperandType.InlineSwitch:
                    var targets = il.ReadInt32();
                    il.Offset += 4 * targets;
                    break;
                default:
                    il.Offset += OperandSize(opCode.OperandType);
                    break;
            }
        }
    }

    private static int OperandSize(OperandType operand) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        _ => 4,
    };

    private static IEnumerable<UsedType> Attributes(MetadataReader reader, Names names, CustomAttributeHandleCollection attributes) =>
        attributes.SelectMany(a => names.OfToken(reader.GetCustomAttribute(a).Constructor));

    private static IEnumerable<UsedType> Constraints(MetadataReader reader, Names names, GenericParameterHandleCollection parameters) =>
        parameters.SelectMany(p => reader.GetGenericParameter(p).GetConstraints())
            .SelectMany(c => names.OfToken(reader.GetGenericParameterConstraint(c).Type));

    private static IEnumerable<UsedType> Flatten(MethodSignature<ImmutableArray<UsedType>> signature) =>
        signature.ReturnType.Concat(signature.ParameterTypes.SelectMany(p => p));

    /// <summary>Turns handles and signature blobs into the types they name.</summary>
    private sealed class Names(MetadataReader reader) : ISignatureTypeProvider<ImmutableArray<UsedType>, object?>
    {
        private readonly string _self = reader.GetString(reader.GetAssemblyDefinition().Name);

        public TypeDefinitionHandle Outermost(TypeDefinitionHandle handle)
        {
            while (reader.GetTypeDefinition(handle).GetDeclaringType() is { IsNil: false } outer)
                handle = outer;
            return handle;
        }

        public ImmutableArray<UsedType> OfToken(EntityHandle handle) => handle.Kind switch
        {
            HandleKind.TypeDefinition => GetTypeFromDefinition(reader, (TypeDefinitionHandle)handle, 0),
            HandleKind.TypeReference => GetTypeFromReference(reader, (TypeReferenceHandle)handle, 0),
            HandleKind.TypeSpecification => GetTypeFromSpecification(reader, null, (TypeSpecificationHandle)handle, 0),
            HandleKind.FieldDefinition => Field((FieldDefinitionHandle)handle),
            HandleKind.MethodDefinition => Method((MethodDefinitionHandle)handle),
            HandleKind.MemberReference => Member((MemberReferenceHandle)handle),
            HandleKind.MethodSpecification => MethodSpecification((MethodSpecificationHandle)handle),
            _ => [],
        };

        private ImmutableArray<UsedType> Field(FieldDefinitionHandle handle)
        {
            var field = reader.GetFieldDefinition(handle);
            return [.. OfToken(field.GetDeclaringType()), .. field.DecodeSignature(this, null)];
        }

        private ImmutableArray<UsedType> Method(MethodDefinitionHandle handle)
        {
            var method = reader.GetMethodDefinition(handle);
            return [.. OfToken(method.GetDeclaringType()), .. Flatten(method.DecodeSignature(this, null))];
        }

        private ImmutableArray<UsedType> Member(MemberReferenceHandle handle)
        {
            var member = reader.GetMemberReference(handle);
            var signature = member.GetKind() == MemberReferenceKind.Field
                ? member.DecodeFieldSignature(this, null)
                : [.. Flatten(member.DecodeMethodSignature(this, null))];
            return [.. OfToken(member.Parent), .. signature];
        }

        private ImmutableArray<UsedType> MethodSpecification(MethodSpecificationHandle handle)
        {
            var specification = reader.GetMethodSpecification(handle);
            return [.. OfToken(specification.Method), .. specification.DecodeSignature(this, null).SelectMany(t => t)];
        }

        public ImmutableArray<UsedType> GetTypeFromDefinition(MetadataReader r, TypeDefinitionHandle handle, byte rawTypeKind)
        {
            var outermost = r.GetTypeDefinition(Outermost(handle));
            return [new UsedType(r.GetString(outermost.Namespace), r.GetString(r.GetTypeDefinition(handle).Name), _self)];
        }

        public ImmutableArray<UsedType> GetTypeFromReference(MetadataReader r, TypeReferenceHandle handle, byte rawTypeKind)
        {
            var type = r.GetTypeReference(handle);
            var outermost = type;
            while (outermost.ResolutionScope.Kind == HandleKind.TypeReference)
                outermost = r.GetTypeReference((TypeReferenceHandle)outermost.ResolutionScope);
            var assembly = outermost.ResolutionScope.Kind == HandleKind.AssemblyReference
                ? r.GetString(r.GetAssemblyReference((AssemblyReferenceHandle)outermost.ResolutionScope).Name)
                : _self;
            return [new UsedType(r.GetString(outermost.Namespace), r.GetString(type.Name), assembly)];
        }

        public ImmutableArray<UsedType> GetTypeFromSpecification(MetadataReader r, object? context, TypeSpecificationHandle handle, byte rawTypeKind) =>
            r.GetTypeSpecification(handle).DecodeSignature(this, context);

        public ImmutableArray<UsedType> GetGenericInstantiation(ImmutableArray<UsedType> genericType, ImmutableArray<ImmutableArray<UsedType>> typeArguments) =>
            [.. genericType, .. typeArguments.SelectMany(t => t)];

        public ImmutableArray<UsedType> GetFunctionPointerType(MethodSignature<ImmutableArray<UsedType>> signature) => [.. Flatten(signature)];
        public ImmutableArray<UsedType> GetModifiedType(ImmutableArray<UsedType> modifier, ImmutableArray<UsedType> unmodifiedType, bool isRequired) => [.. modifier, .. unmodifiedType];
        public ImmutableArray<UsedType> GetArrayType(ImmutableArray<UsedType> elementType, ArrayShape shape) => elementType;
        public ImmutableArray<UsedType> GetByReferenceType(ImmutableArray<UsedType> elementType) => elementType;
        public ImmutableArray<UsedType> GetPinnedType(ImmutableArray<UsedType> elementType) => elementType;
        public ImmutableArray<UsedType> GetPointerType(ImmutableArray<UsedType> elementType) => elementType;
        public ImmutableArray<UsedType> GetSZArrayType(ImmutableArray<UsedType> elementType) => elementType;
        public ImmutableArray<UsedType> GetGenericMethodParameter(object? genericContext, int index) => [];
        public ImmutableArray<UsedType> GetGenericTypeParameter(object? genericContext, int index) => [];
        public ImmutableArray<UsedType> GetPrimitiveType(PrimitiveTypeCode typeCode) => [];
    }
}
